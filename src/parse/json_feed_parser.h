#pragma once
// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).
#include <cstddef>
#include <string>
#include <string_view>

#include "parse/parsed_feed.h"

namespace pebble::parse {

// Reads a JSON Feed document (UTF-8 text); throws FeedParseError for invalid JSON or JSON that is
// not a JSON Feed.
ParsedFeed parse_json_feed(std::string_view text, const std::string& feed_url, std::size_t max_items);

}  // namespace pebble::parse
