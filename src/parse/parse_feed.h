#pragma once
// The feed parser's front door: bytes in, ParsedFeed out (SPEC §6 Parsing and Items).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "parse/parsed_feed.h"

namespace pebble::parse {

// Parses an RSS, RDF, Atom or JSON Feed body fetched from `feed_url` with the given Content-Type
// header value ("" when unknown). A pure function of its arguments: no I/O, no network (not even
// for DTDs). Throws FeedParseError with a one-line reason for anything that is not a readable feed.
// Keeps the newest `max_items` items (newest_items.h), counting the rest in items_dropped.
ParsedFeed parse_feed(std::string_view body, const std::string& feed_url,
                      const std::string& content_type_header, std::size_t max_items = SIZE_MAX);

}  // namespace pebble::parse
