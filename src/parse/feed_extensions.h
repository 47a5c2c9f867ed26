#pragma once
// Elements several feed formats share: Atom people and links, Media RSS, enclosure lengths.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/feed_xml.h"
#include "parse/parsed_feed.h"

namespace pebble::parse {

// An Atom person construct (<author>/<contributor> with name, email, uri children); the uri resolved.
Person read_atom_person(const tinyxml2::XMLElement& element, const std::string& feed_url);

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

// An Atom <category>: its term joins `terms` (Atom 0.3 feeds in the wild put it in the text), its
// label, when it has one, goes to `labels` under the term.
void read_atom_category(const tinyxml2::XMLElement& element, std::vector<std::string>& terms,
                        std::map<std::string, std::string>& labels);

// itunes:duration in seconds: `SS`, `MM:SS` or `HH:MM:SS`, seconds possibly fractional.
std::optional<double> parse_duration(std::string_view text);

// itunes:explicit: yes/true/explicit → true, no/false/clean → false, anything else unknown.
std::optional<bool> parse_explicit(std::string_view text);

// Base64 content (Atom 0.3 mode="base64") as text: whitespace and line breaks ignored, missing
// padding tolerated; nullopt when it is not base64.
std::optional<std::string> decode_base64_text(std::string_view text);

// A byte count as feeds write it; nullopt for empty, negative or non-numeric text.
std::optional<std::int64_t> parse_length(std::string_view text);

// Comma-separated keywords (itunes:keywords, media:keywords), trimmed, empty ones dropped.
std::vector<std::string> split_keywords(std::string_view text);

}  // namespace pebble::parse
