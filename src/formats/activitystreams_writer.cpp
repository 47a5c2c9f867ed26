// ActivityStreams 2.0 export (SPEC §5). The envelope is written by hand around items dumped one by
// one so that memory does not depend on the number of bookmarks; `totalItems` therefore comes after
// `items`, when the count is known. Timestamps carry microseconds only when they have any.
#include <nlohmann/json.hpp>

#include "formats/bookmark_writer.h"

namespace pebble::formats {

namespace {

using Json = nlohmann::ordered_json;

std::string json_time(support::Timestamp t) {
  return t.micros % 1000000 == 0 ? support::format_rfc3339(t) : support::format_iso_micros(t);
}

std::string dump(const Json& value, bool pretty) {
  return value.dump(pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

// `text` with every line but the first indented by `indent` spaces.
std::string indent_lines(const std::string& text, std::size_t indent) {
  std::string out;
  for (const char c : text) {
    out.push_back(c);
    if (c == '\n') out.append(indent, ' ');
  }
  return out;
}

class ActivityStreamsWriter : public BookmarkWriter {
 public:
  ActivityStreamsWriter(std::ostream& out, bool pretty) : out_(out), pretty_(pretty) {}

  void begin(const ExportHeader& header) override {
    Json head;
    head["@context"] =
        Json::array({"https://www.w3.org/ns/activitystreams", Json{{"pebbling", "https://pebbling.club/ns/"},
                                                                   {"feedUrl", "pebbling:feedUrl"},
                                                                   {"private", "pebbling:private"},
                                                                   {"toRead", "pebbling:toRead"}}});
    head["type"] = "Collection";
    head["published"] = support::format_rfc3339(header.now);
    std::string text = dump(head, pretty_);
    text.pop_back();  // the closing brace: items and totalItems follow
    if (pretty_) text.pop_back();
    out_ << text << (pretty_ ? ",\n  \"items\": [" : ",\"items\":[");
  }

  void write(const domain::Bookmark& bookmark) override {
    if (bookmark.url.empty()) return;
    Json link;
    link["type"] = "Link";
    link["url"] = bookmark.url;
    link["name"] = bookmark.title;
    link["published"] = json_time(bookmark.created_at);
    link["updated"] = json_time(bookmark.updated_at);
    if (bookmark.description) link["summary"] = *bookmark.description;
    if (!bookmark.tags.empty()) link["tag"] = bookmark.tags;
    if (bookmark.feed_url) link["feedUrl"] = *bookmark.feed_url;
    link["private"] = bookmark.is_private;
    link["toRead"] = bookmark.to_read;
    if (pretty_) {
      out_ << (count_ == 0 ? "\n    " : ",\n    ") << indent_lines(dump(link, true), 4);
    } else {
      out_ << (count_ == 0 ? "" : ",") << dump(link, false);
    }
    ++count_;
  }

  void finish() override {
    if (pretty_) {
      out_ << (count_ == 0 ? "]" : "\n  ]") << ",\n  \"totalItems\": " << count_ << "\n}\n";
    } else {
      out_ << "],\"totalItems\":" << count_ << "}\n";
    }
  }

 private:
  std::ostream& out_;
  bool pretty_;
  std::size_t count_ = 0;
};

}  // namespace

std::unique_ptr<BookmarkWriter> make_activitystreams_writer(std::ostream& out, bool pretty) {
  return std::make_unique<ActivityStreamsWriter>(out, pretty);
}

}  // namespace pebble::formats
