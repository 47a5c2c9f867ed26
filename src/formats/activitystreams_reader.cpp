// ActivityStreams 2.0 JSON → ParsedBookmark (SPEC §4), pebbling-club's own format.
//
// The root is validated as its members arrive. A file that puts `@context` and `type` before
// `items` (as every pebble and pebbling-club export does) is streamed item by item; one that puts
// them after `items` has its items held in memory until the root closes, because SPEC §4 wants
// root problems reported before anything is written.
#include <cstdint>
#include <utility>
#include <variant>
#include <vector>

#include "domain/url.h"
#include "formats/bookmark_readers.h"
#include "formats/json_collection.h"
#include "formats/tag_list.h"

namespace pebble::formats {

namespace {

using Json = nlohmann::json;

constexpr std::string_view kActivityStreamsUri = "https://www.w3.org/ns/activitystreams";

bool is_activitystreams_uri(const Json& value) {
  if (!value.is_string()) return false;
  const std::string uri = value.get<std::string>();
  return uri == kActivityStreamsUri || uri == "http://www.w3.org/ns/activitystreams";
}

bool context_names_activitystreams(const Json& context) {
  if (context.is_array()) {
    for (const Json& entry : context) {
      if (is_activitystreams_uri(entry)) return true;
    }
    return false;
  }
  return is_activitystreams_uri(context);
}

std::optional<support::Timestamp> json_time(const Json& item, const char* key) {
  const auto found = item.find(key);
  if (found == item.end() || !found->is_string()) return std::nullopt;
  return support::parse_iso8601(found->get<std::string>());
}

// The bookmark of one Link, or the failure text.
std::variant<domain::BookmarkInput, std::string> link_to_bookmark(const Json& item) {
  if (!item.is_object()) return std::string("item is not a JSON object");
  domain::BookmarkInput bookmark;
  const auto url = item.find("url");
  if (url == item.end() || json_string(*url).empty()) {
    return std::string("Link object missing required 'url' field");
  }
  bookmark.url = json_string(*url);
  const auto name = item.find("name");
  if (name == item.end() || !name->is_string())
    return std::string("Link object missing required 'name' field");
  bookmark.title = name->get<std::string>();
  if (const auto summary = item.find("summary"); summary != item.end() && summary->is_string()) {
    bookmark.description = summary->get<std::string>();
  }
  bookmark.created_at = json_time(item, "published");
  bookmark.updated_at = json_time(item, "updated");
  if (const auto tags = item.find("tag"); tags != item.end() && tags->is_array()) {
    for (const Json& tag : *tags) {
      // Plain strings as pebbling-club writes them, or AS Object/Hashtag values with a name.
      const Json* text = tag.is_object() && tag.contains("name") ? &tag["name"] : &tag;
      add_tag(bookmark.tags, std::string(trim_whitespace(json_string(*text))));
    }
  }
  if (const auto feed = item.find("feedUrl"); feed != item.end() && !json_string(*feed).empty()) {
    bookmark.feed_url = json_string(*feed);
  }
  bookmark.is_private = item.value("private", Json(false)) == Json(true);
  bookmark.to_read = item.value("toRead", Json(false)) == Json(true);
  bookmark.unique_hash = domain::url_unique_hash(bookmark.url);
  return bookmark;
}

class ActivityStreamsHandler : public JsonCollectionHandler {
 public:
  explicit ActivityStreamsHandler(BookmarkSink& sink) : sink_(sink) {}

  std::string on_root_member(const std::string& key, Json value) override {
    if (key == "@context") {
      if (!context_names_activitystreams(value)) {
        return "@context must include the ActivityStreams namespace " + std::string(kActivityStreamsUri);
      }
      context_seen_ = true;
    } else if (key == "type") {
      if (value != Json("Collection")) return "root object must be of type 'Collection'";
      type_seen_ = true;
    }
    if (validated()) release_held();
    return {};
  }

  void on_item(std::size_t index, Json item) override {
    if (validated()) return deliver(index, item);
    held_.emplace_back(index, std::move(item));
  }

  void on_rejected_item(std::size_t index, const std::string& reason) override {
    // A marker carrying its reason: binary never comes out of the JSON parser.
    on_item(index, Json::binary(std::vector<std::uint8_t>(reason.begin(), reason.end())));
  }

  std::string on_root_end(bool saw_items) override {
    if (!context_seen_) return "not an ActivityStreams collection: missing @context";
    if (!type_seen_) return "root object must be of type 'Collection': no type";
    if (!saw_items) return "Collection must contain 'items' array";
    release_held();
    return {};
  }

 private:
  bool validated() const { return context_seen_ && type_seen_; }

  void release_held() {
    for (auto& [index, item] : held_) deliver(index, item);
    held_.clear();
  }

  void deliver(std::size_t index, const Json& item) {
    if (item.is_binary()) {
      const auto& reason = item.get_binary();
      sink_.on_failure(ItemFailure{index, std::string(reason.begin(), reason.end()), {}, {}});
      return;
    }
    auto result = link_to_bookmark(item);
    if (auto* error = std::get_if<std::string>(&result)) {
      ItemFailure failure{index, *error, {}, {}};
      if (item.is_object()) {
        failure.url = json_string(item.value("url", Json()));
        failure.title = json_string(item.value("name", Json()));
      }
      sink_.on_failure(std::move(failure));
      return;
    }
    sink_.on_bookmark(ParsedBookmark{index, std::get<domain::BookmarkInput>(std::move(result)), {}});
  }

  BookmarkSink& sink_;
  bool context_seen_ = false;
  bool type_seen_ = false;
  std::vector<std::pair<std::size_t, Json>> held_;
};

}  // namespace

void read_activitystreams(std::istream& in, const ReaderOptions& options, BookmarkSink& sink) {
  ActivityStreamsHandler handler(sink);
  parse_json_collection(in, options, "items", "ActivityStreams", handler, sink);
}

}  // namespace pebble::formats
