#pragma once
// RSS 0.90–0.94 and 2.0 (<rss>) and RSS 1.0 / 0.90 (<rdf:RDF>) documents.
#include <cstddef>
#include <string>

#include "parse/feed_xml.h"
#include "parse/parsed_feed.h"

namespace pebble::parse {

// Reads the document whose root is `root` (an <rss> or <rdf:RDF> element).
ParsedFeed parse_rss_document(const tinyxml2::XMLElement& root, const std::string& feed_url, FeedKind kind,
                              std::size_t max_items);

}  // namespace pebble::parse
