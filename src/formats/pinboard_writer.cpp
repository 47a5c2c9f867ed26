// Pinboard JSON export (the format `import --format pinboard` reads): an array of {href,
// description (the title), extended (the description), meta, hash, time, shared, toread, tags}.
// Pinboard tags are space-separated, so a space inside a tag name is written as `_`.
#include <nlohmann/json.hpp>

#include "formats/bookmark_writer.h"

namespace pebble::formats {

namespace {

using Json = nlohmann::ordered_json;

std::string space_separated(const std::vector<std::string>& tags) {
  std::string joined;
  for (std::string tag : tags) {
    for (char& c : tag) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') c = '_';
    }
    if (!joined.empty()) joined += ' ';
    joined += tag;
  }
  return joined;
}

class PinboardWriter : public BookmarkWriter {
 public:
  explicit PinboardWriter(std::ostream& out) : out_(out) {}

  void begin(const ExportHeader&) override { out_ << '['; }

  void write(const domain::Bookmark& bookmark) override {
    if (bookmark.url.empty()) return;
    const Json item = {{"href", bookmark.url},
                       {"description", bookmark.title},
                       {"extended", bookmark.description.value_or("")},
                       {"meta", ""},
                       {"hash", ""},
                       {"time", support::format_rfc3339(bookmark.created_at)},
                       {"shared", bookmark.is_private ? "no" : "yes"},
                       {"toread", bookmark.to_read ? "yes" : "no"},
                       {"tags", space_separated(bookmark.tags)}};
    out_ << (first_ ? "" : ",\n") << item.dump(-1, ' ', false, Json::error_handler_t::replace);
    first_ = false;
  }

  void finish() override { out_ << "]\n"; }

 private:
  std::ostream& out_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<BookmarkWriter> make_pinboard_writer(std::ostream& out) {
  return std::make_unique<PinboardWriter>(out);
}

}  // namespace pebble::formats
