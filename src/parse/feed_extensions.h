#pragma once
// Elements several feed formats share: Atom people and links, Media RSS, enclosure lengths.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/feed_xml.h"
#include "parse/parsed_feed.h"

namespace pebble::parse {

// An Atom person construct (<author>/<contributor> with name, email, uri children).
Person read_atom_person(const tinyxml2::XMLElement& element);

// An Atom <link>: its href (resolved), rel ("alternate" when absent), type and length.
struct AtomLink {
  std::string href;
  std::string rel;
  std::string type;
  std::optional<std::int64_t> length;
};

// Reads an Atom <link> (0.3 and 1.0 alike).
AtomLink read_atom_link(const tinyxml2::XMLElement& element, const std::string& feed_url);

// Appends what a media:content, media:thumbnail or media:group element names to `media`.
void collect_media(const tinyxml2::XMLElement& element, const std::string& feed_url,
                   std::vector<Enclosure>& media);

// A byte count as feeds write it; nullopt for empty, negative or non-numeric text.
std::optional<std::int64_t> parse_length(std::string_view text);

// Comma-separated keywords (itunes:keywords, media:keywords), trimmed, empty ones dropped.
std::vector<std::string> split_keywords(std::string_view text);

}  // namespace pebble::parse
