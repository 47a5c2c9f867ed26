#pragma once
// The feed parser's front door: bytes in, ParsedFeed out (SPEC §6 Parsing and Items).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "parse/parsed_feed.h"

namespace pebble::parse {

// Parses an RSS, RDF, Atom or JSON Feed body fetched from `feed_url` with the given Content-Type
// header value ("" when unknown). A pure function of its arguments: no I/O, no network (not even
// for DTDs). Throws FeedParseError with a one-line reason for anything that is not a readable feed.
// Keeps the newest `max_items` items (newest_items.h), counting the rest in items_dropped.
// `feed_url` is the document's base (document_base_url), which relative references resolve against
// where no xml:base says otherwise; it becomes ParsedFeed::base_url. Item content is not sanitized
// here: sanitize_items.h does that for the items that are kept.
ParsedFeed parse_feed(std::string_view body, const std::string& feed_url,
                      const std::string& content_type_header, std::size_t max_items = SIZE_MAX);

// The base URI of a fetched document (RFC 3986 §5.1.2): its Content-Location header resolved
// against the URL it came from after redirects, when that gives an http(s) URL; else that URL.
std::string document_base_url(const std::string& final_url,
                              const std::optional<std::string>& content_location);

}  // namespace pebble::parse
