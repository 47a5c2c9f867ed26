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

// Where a value lies in tinyxml2's copy of the document: [start, end). Decoding in place rewrites
// the bytes in between (and writes a '\0' at `end`) but never moves either end, so the span stays
// a position in the document however often the value was read.
struct RawSpan {
  const char* start = nullptr;
  const char* end = nullptr;
};

// An element's name; the content of a text, CDATA section or comment; what lies between `<!` or
// `<?` and the end of a DOCTYPE-like node or declaration.
RawSpan raw_span(const tinyxml2::XMLNode& node);

// An attribute's value (between its quotes).
RawSpan raw_span(const tinyxml2::XMLAttribute& attribute);

}  // namespace pebble::parse::feed_xml
