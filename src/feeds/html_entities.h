#pragma once
// Makes feed markup safe for an XML parser that knows only XML's five entities: HTML's named
// references become numeric ones, and DOCTYPEs (the door to entity bombs and external fetches) go.
#include <optional>
#include <string>
#include <string_view>

namespace pebble {

// The code point an HTML 4 named character reference (`eacute`, without `&` and `;`) stands for.
std::optional<char32_t> html_entity_code_point(std::string_view name);

// `xml` with every DOCTYPE removed (so no custom entity is ever defined, let alone expanded),
// HTML named references outside CDATA and comments rewritten to `&#N;`, unknown references and
// bare `&` escaped as literal text, and control characters XML forbids dropped.
std::string rewrite_entities(std::string_view xml);

// Whether rewrite_entities could change `xml`; false means `xml` can be parsed as it is, which
// spares copying a large, clean document. Never false when a rewrite would differ.
bool needs_entity_rewrite(std::string_view xml);

}  // namespace pebble
