// Pinboard JSON export → ParsedBookmark: an array of {href, description (the title), extended (the
// description), tags (space separated), time (ISO 8601), shared ("no" = private), toread ("yes")}.
#include <sstream>

#include "domain/url.h"
#include "formats/bookmark_readers.h"
#include "formats/json_collection.h"
#include "formats/tag_list.h"

namespace pebble::formats {

namespace {

using Json = nlohmann::json;

class PinboardHandler : public JsonCollectionHandler {
 public:
  explicit PinboardHandler(BookmarkSink& sink) : sink_(sink) {}

  std::string on_root_member(const std::string&, Json) override { return {}; }
  std::string on_root_end(bool) override { return {}; }

  void on_rejected_item(std::size_t index, const std::string& reason) override {
    sink_.on_failure(ItemFailure{index, reason, {}, {}});
  }

  void on_item(std::size_t index, Json item) override {
    if (!item.is_object()) {
      sink_.on_failure(ItemFailure{index, "item is not a JSON object", {}, {}});
      return;
    }
    ParsedBookmark parsed;
    parsed.index = index;
    domain::BookmarkInput& bookmark = parsed.bookmark;
    bookmark.url = std::string(trim_whitespace(json_string(item.value("href", Json()))));
    bookmark.title = json_string(item.value("description", Json()));
    if (bookmark.url.empty()) {
      sink_.on_failure(ItemFailure{index, "bookmark missing required 'href' field", {}, bookmark.title});
      return;
    }
    const std::string extended = json_string(item.value("extended", Json()));
    if (!extended.empty()) bookmark.description = extended;
    std::istringstream tags(json_string(item.value("tags", Json())));
    for (std::string tag; tags >> tag;) add_tag(bookmark.tags, tag);
    bookmark.created_at = support::parse_iso8601(json_string(item.value("time", Json())));
    bookmark.is_private = json_string(item.value("shared", Json())) == "no";
    bookmark.to_read = json_string(item.value("toread", Json())) == "yes";
    bookmark.unique_hash = domain::url_unique_hash(bookmark.url);
    sink_.on_bookmark(std::move(parsed));
  }

 private:
  BookmarkSink& sink_;
};

}  // namespace

void read_pinboard(std::istream& in, const ReaderOptions& options, BookmarkSink& sink) {
  PinboardHandler handler(sink);
  parse_json_collection(in, options, "", "Pinboard", handler, sink);
}

}  // namespace pebble::formats
