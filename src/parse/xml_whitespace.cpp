#include "parse/xml_whitespace.h"

#include <cstddef>

#include "parse/xml_raw_text.h"

namespace pebble::parse::feed_xml {

namespace {

// What tinyxml2 9 skips between nodes (XMLUtil::IsWhiteSpace: isspace in the C locale).
bool is_space(char byte) {
  return byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r' || byte == '\v' || byte == '\f';
}

// A text node that is not CDATA: it runs up to the next '<', whitespace included.
bool is_plain_text(const tinyxml2::XMLNode* node) {
  const tinyxml2::XMLText* text = node == nullptr ? nullptr : node->ToText();
  return text != nullptr && !text->CData();
}

// Where `node`'s markup starts in the document (its '<', or the first byte of a text node).
const char* markup_start(const tinyxml2::XMLNode& node) {
  const RawSpan span = raw_span(node);
  if (node.ToElement() != nullptr) {
    // tinyxml2 takes `< name` too; the '<' may be the '\0' a decoded text before it wrote there.
    const char* start = span.start - 1;
    while (is_space(*start)) --start;
    return start;
  }
  if (const tinyxml2::XMLText* text = node.ToText()) return text->CData() ? span.start - 9 : span.start;
  if (node.ToComment() != nullptr) return span.start - 4;  // <!--
  return span.start - 2;                                   // <! or <?
}

// One past the '>' of a tag whose name or last attribute value (with its quote) ends right before
// `after`. tinyxml2 writes a '\0' over the byte after a name it has read: a '>', a '/' or a space.
// After the '\0' comes either the rest of the tag (spaces, '/', '>') or, when it was the '>',
// what follows the tag — in every place this is asked, whitespace and then a '<'.
const char* tag_end(const char* after) {
  const char* position = after;
  if (*position == '\0') {
    const char* next = position + 1;
    while (is_space(*next)) ++next;
    if (*next != '>' && *next != '/') return position + 1;
    position = next;
  }
  while (is_space(*position)) ++position;
  if (*position == '/') ++position;
  return position + 1;  // past the '>'
}

// One past the '>' of `element`'s start tag.
const char* start_tag_end(const tinyxml2::XMLElement& element) {
  const tinyxml2::XMLAttribute* last = element.FirstAttribute();
  if (last == nullptr) return tag_end(raw_span(element).end);
  while (last->Next() != nullptr) last = last->Next();
  return tag_end(raw_span(*last).end + 1);  // past the closing quote
}

const char* content_end(const tinyxml2::XMLElement& element);

// One past the last byte of `node`'s markup, for a node that whitespace and then a '<' follow
// (the last child of an element).
const char* markup_end(const tinyxml2::XMLNode& node) {
  const RawSpan span = raw_span(node);
  if (const tinyxml2::XMLElement* element = node.ToElement()) {
    if (element->ClosingType() == tinyxml2::XMLElement::CLOSED) return start_tag_end(*element);
    // The end tag: '<', spaces tinyxml2 allows, '/', the name again, then the rest of a tag.
    const char* position = content_end(*element) + 1;
    while (is_space(*position)) ++position;
    return tag_end(position + 1 + (span.end - span.start));
  }
  if (const tinyxml2::XMLText* text = node.ToText()) return text->CData() ? span.end + 3 : span.end;
  if (node.ToComment() != nullptr) return span.end + 3;      // -->
  if (node.ToDeclaration() != nullptr) return span.end + 2;  // ?>
  return span.end + 1;                                       // >
}

// Where `element`'s content ends: the '<' of its end tag (or the '\0' a decoded text wrote there).
const char* content_end(const tinyxml2::XMLElement& element) {
  const tinyxml2::XMLNode* last = element.LastChild();
  if (is_plain_text(last)) return raw_span(*last).end;
  const char* position = last == nullptr ? start_tag_end(element) : markup_end(*last);
  while (is_space(*position)) ++position;
  return position;
}

}  // namespace

std::string_view whitespace_before(const tinyxml2::XMLNode& node) {
  const tinyxml2::XMLNode* parent = node.Parent();
  if (parent == nullptr || parent->ToElement() == nullptr) return {};
  if (is_plain_text(&node) || is_plain_text(node.PreviousSibling())) return {};
  const char* end = markup_start(node);
  const char* start = end;
  // The markup before ends with '>' (or a '\0' tinyxml2 wrote over it), never with a space.
  while (is_space(start[-1])) --start;
  return {start, static_cast<std::size_t>(end - start)};
}

std::string_view whitespace_before_end_tag(const tinyxml2::XMLElement& element) {
  if (element.ClosingType() == tinyxml2::XMLElement::CLOSED) return {};
  const tinyxml2::XMLNode* last = element.LastChild();
  if (is_plain_text(last)) return {};
  const char* start = last == nullptr ? start_tag_end(element) : markup_end(*last);
  const char* end = start;
  while (is_space(*end)) ++end;
  return {start, static_cast<std::size_t>(end - start)};
}

}  // namespace pebble::parse::feed_xml
