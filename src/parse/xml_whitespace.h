#pragma once
// The whitespace-only text tinyxml2 9 drops: before each child node it skips whitespace, and keeps
// it only when a text node follows (which then starts with it), so `<b>bold</b> <i>italic</i>`
// loses its space and reads "bolditalic". (tinyxml2 10's PEDANTIC_WHITESPACE keeps such text;
// Debian ships 9.) The bytes are still in tinyxml2's copy of the document, between the markup
// around them: these functions find them there, for the rare values pebble copies out as markup,
// so parsing every other value costs nothing more. Internal to src/parse, like every tinyxml2
// helper.
#include <string_view>

#include <tinyxml2.h>

namespace pebble::parse::feed_xml {

// The whitespace the document has right before `node` (a child of an element) that tinyxml2 left
// out of the tree: "" after a text node, which kept it, and for a text node, which starts with it.
std::string_view whitespace_before(const tinyxml2::XMLNode& node);

// The whitespace the document has between `element`'s last child (or its start tag) and its end
// tag that tinyxml2 left out of the tree: "" when the last child is a text node, which kept it, or
// when the element is written `<name/>`.
std::string_view whitespace_before_end_tag(const tinyxml2::XMLElement& element);

}  // namespace pebble::parse::feed_xml
