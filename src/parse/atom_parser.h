#pragma once
// Atom 1.0 (RFC 4287) and Atom 0.3 documents.
#include <cstddef>
#include <string>

#include "parse/feed_xml.h"
#include "parse/parsed_feed.h"

namespace pebble::parse {

// Reads the document whose root is `root` (a <feed> element).
ParsedFeed parse_atom_document(const tinyxml2::XMLElement& root, const std::string& feed_url,
                               std::size_t max_items);

}  // namespace pebble::parse
