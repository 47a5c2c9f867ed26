#pragma once
// HTML5's named character references (the full WHATWG list, generated into html_entity_table.inc
// by scripts/gen_html_entities.py) and the one decoder of HTML character references.
//
// Legacy names without `;` (HTML5 §13.2.5.73, the named character reference state): 106 old names
// such as `amp`, `copy` or `eacute` are recognised without their `;`, the longest one matching.
// In text, `&copy 2025` is "© 2025" and `&notit;` is "¬it;". In an attribute value such a match is
// left as written when the next character is `=` or an ASCII letter or digit, so query strings
// like `?a=1&copy=2` survive. XML-derived text (feeds) never uses the legacy form: there a name
// needs its `;` (parse/html_entities.h).
#include <cstddef>
#include <string>
#include <string_view>

namespace pebble::support {

// One named reference: its name (without `&` and `;`) and the text it stands for.
struct HtmlEntity {
  std::string_view name;
  char32_t first;
  char32_t second;  // 0 unless the reference stands for two code points (`&NotEqualTilde;`)
  bool legacy;      // also recognised without its `;`
};

// The entity called exactly `name` (without `&` and `;`), or nullptr: a binary search.
const HtmlEntity* find_html_entity(std::string_view name);

// The longest legacy name that `text` (what follows an `&`) starts with, or nullptr.
const HtmlEntity* longest_legacy_entity_prefix(std::string_view text);

// Appends the UTF-8 text `entity` stands for.
void append_html_entity(const HtmlEntity& entity, std::string& out);

// Where a reference is read: text content or an attribute value (they differ for legacy names).
enum class HtmlReferenceContext { text, attribute };

// Replaces `&name;`, the legacy `;`-less names (see above), `&#123;` and `&#x1F600;` with their
// UTF-8 text; unknown or unterminated references stay as written; a numeric reference to NUL, a
// surrogate or a value past U+10FFFF becomes U+FFFD.
std::string decode_html_references(std::string_view text, HtmlReferenceContext context);

}  // namespace pebble::support
