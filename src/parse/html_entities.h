#pragma once
// HTML's named references in feeds, which XML parsers do not know: decoded in character data,
// and rewritten to numeric ones in whole documents whose DOCTYPE (the door to entity bombs and
// external fetches) or NUL bytes must go before an XML parser may see them. The names are HTML5's
// (support/html_entities.h); as in XML, a reference needs its `;` here, legacy forms included.
#include <string>
#include <string_view>

namespace pebble::parse {

// `xml` with every DOCTYPE removed, the general entities its internal subset declares expanded
// (bounded: past 1 MiB or 16 levels it throws FeedParseError; external entities are never read
// and stay literal text), HTML named references outside CDATA and comments rewritten to `&#N;`,
// unknown references and bare `&` escaped as literal text, and control characters XML forbids
// dropped.
std::string rewrite_entities(std::string_view xml);

// Appends XML character data as text: with `references`, `&…;` decoded (XML's five, numeric, and
// HTML's named ones; unknown or malformed ones stay literal), with `line_ends`, CR LF and lone CR
// as LF; control characters XML forbids are dropped. `raw` must be UTF-8, and so is the result.
void append_character_data(std::string_view raw, bool references, bool line_ends, std::string& out);

}  // namespace pebble::parse
