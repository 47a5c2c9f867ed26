#pragma once
// The feed parser's front door: bytes in, ParsedFeed out (SPEC §6 Parsing and Items).
#include <string>
#include <string_view>

#include "parse/parsed_feed.h"

namespace pebble::parse {

// Parses an RSS, RDF, Atom or JSON Feed body fetched from `feed_url` with the given Content-Type
// header value ("" when unknown). A pure function of its arguments: no I/O, no network (not even
// for DTDs). Throws FeedParseError with a one-line reason for anything that is not a readable feed.
ParsedFeed parse_feed(std::string_view body, const std::string& feed_url,
                      const std::string& content_type_header);

}  // namespace pebble::parse
