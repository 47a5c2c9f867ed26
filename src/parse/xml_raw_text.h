#pragma once
// The undecoded bytes of tinyxml2 text nodes and attribute values, so pebble can decode them in
// the same pass that copies them out (html_entities.h: append_character_data). Internal to
// src/feeds, like every tinyxml2 helper.
#include <string_view>

#include <tinyxml2.h>

namespace pebble::parse::feed_xml {

// Character data as the document has it, and what reading it as text involves.
struct RawText {
  std::string_view bytes;
  bool references = false;  // `&…;` references to decode: false in CDATA and once tinyxml2 decoded it
  bool line_ends = false;   // CR LF and lone CR to turn into LF
};

// A text or CDATA node's content.
RawText raw_text(const tinyxml2::XMLText& text);

// An attribute's value.
RawText raw_value(const tinyxml2::XMLAttribute& attribute);

}  // namespace pebble::parse::feed_xml
