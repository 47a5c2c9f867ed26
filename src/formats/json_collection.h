#pragma once
// Streams a JSON document shaped as a collection of items through nlohmann::json's SAX interface,
// materialising only the current item (or one small root member) at a time.
#include <istream>
#include <string>

#include <nlohmann/json.hpp>

#include "formats/bookmark_record.h"

namespace pebble::formats {

// Receives the parts of the collection; a non-empty returned string is a root-level error that the
// parser throws as FormatError with the current position.
class JsonCollectionHandler {
 public:
  virtual ~JsonCollectionHandler() = default;
  // A member of the root object other than the items array.
  virtual std::string on_root_member(const std::string& key, nlohmann::json value) = 0;
  // One element of the items array.
  virtual void on_item(std::size_t index, nlohmann::json item) = 0;
  // An element skipped unread: larger than ReaderOptions::max_item_bytes or nested too deep.
  virtual void on_rejected_item(std::size_t index, const std::string& reason) = 0;
  // The root closed; `saw_items` tells whether the items array was there.
  virtual std::string on_root_end(bool saw_items) = 0;
};

// Where the items are: under `items_key` of a root object, or the root array itself when empty.
// `format` names the format in error messages ("ActivityStreams", "Pinboard").
void parse_json_collection(std::istream& in, const ReaderOptions& options, const std::string& items_key,
                           const std::string& format, JsonCollectionHandler& handler, BookmarkSink& sink);

// `value` as a string when it is one, else empty.
std::string json_string(const nlohmann::json& value);

}  // namespace pebble::formats
