#include "parse/xml_raw_text.h"

namespace pebble::parse::feed_xml {

// The member pointers below name tinyxml2 9's private StrPair (_start, _end, _flags) and the _value
// of XMLNode and XMLAttribute, and rely on its decode-in-place on first read. A renamed member
// fails the build, but a change of meaning would not: on an upgrade, re-read StrPair::GetStr and
// XMLNode::Value in the new tinyxml2.h, run tests/unit/parse/xml_raw_text_test.cpp, then raise this.
static_assert(TIXML2_MAJOR_VERSION == 9,
              "xml_raw_text.cpp reads tinyxml2 9's private members: re-check StrPair's fields and flags "
              "and the decode-on-first-read of XMLNode::Value for this tinyxml2 version");

namespace {

// tinyxml2 keeps each value as a pointer pair into its copy of the document and decodes it
// (entities, line ends) in place on first read, a byte at a time: reading every text that way
// costs half as much again as the parse. The pair and its flags are private; an explicit
// instantiation may name private members ([temp.spec.general]/6), which is how these member
// pointers are obtained. Renamed members fail the build; they cannot silently misread.
template <auto Member, typename Tag>
struct MemberOf {
  friend constexpr auto member_pointer(Tag) { return Member; }
};

struct StrPairStart {
  friend constexpr auto member_pointer(StrPairStart);
};
struct StrPairEnd {
  friend constexpr auto member_pointer(StrPairEnd);
};
struct StrPairFlags {
  friend constexpr auto member_pointer(StrPairFlags);
};
struct NodeValue {
  friend constexpr auto member_pointer(NodeValue);
};
struct AttributeValue {
  friend constexpr auto member_pointer(AttributeValue);
};

template struct MemberOf<&tinyxml2::StrPair::_start, StrPairStart>;
template struct MemberOf<&tinyxml2::StrPair::_end, StrPairEnd>;
template struct MemberOf<&tinyxml2::StrPair::_flags, StrPairFlags>;
template struct MemberOf<&tinyxml2::XMLNode::_value, NodeValue>;
template struct MemberOf<&tinyxml2::XMLAttribute::_value, AttributeValue>;

// Every value tinyxml2 has not decoded yet carries NEEDS_NEWLINE_NORMALIZATION (text, CDATA and
// attribute values all do); reading it through tinyxml2 clears that flag and leaves the decoded
// string at the start, which is then what `owner.Value()` returns.
template <typename Owner>
RawText raw_of(const tinyxml2::StrPair& pair, const Owner& owner) {
  const int flags = pair.*member_pointer(StrPairFlags{});
  if ((flags & tinyxml2::StrPair::NEEDS_NEWLINE_NORMALIZATION) == 0) return {owner.Value(), false, false};
  const char* start = pair.*member_pointer(StrPairStart{});
  const char* end = pair.*member_pointer(StrPairEnd{});
  return {std::string_view(start, static_cast<std::size_t>(end - start)),
          (flags & tinyxml2::StrPair::NEEDS_ENTITY_PROCESSING) != 0, true};
}

RawSpan span_of(const tinyxml2::StrPair& pair) {
  return {pair.*member_pointer(StrPairStart{}), pair.*member_pointer(StrPairEnd{})};
}

}  // namespace

RawText raw_text(const tinyxml2::XMLText& text) {
  return raw_of(text.*member_pointer(NodeValue{}), text);
}

RawText raw_value(const tinyxml2::XMLAttribute& attribute) {
  return raw_of(attribute.*member_pointer(AttributeValue{}), attribute);
}

RawSpan raw_span(const tinyxml2::XMLNode& node) {
  return span_of(node.*member_pointer(NodeValue{}));
}

RawSpan raw_span(const tinyxml2::XMLAttribute& attribute) {
  return span_of(attribute.*member_pointer(AttributeValue{}));
}

}  // namespace pebble::parse::feed_xml
