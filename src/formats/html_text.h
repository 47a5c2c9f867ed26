#pragma once
// HTML character references and escaping, for the Netscape reader and the HTML/XML writers.
#include <cstdint>
#include <string>
#include <string_view>

namespace pebble {

// Replaces `&name;`, `&#123;` and `&#x1F600;` with their UTF-8 text; unknown or unterminated
// references stay as written, invalid code points become U+FFFD.
std::string decode_html_entities(std::string_view text);

// Escapes `& < > " '` as `&amp; &lt; &gt; &quot; &#x27;` (Django's escape, SPEC §5).
std::string escape_html(std::string_view text);

// Appends the UTF-8 encoding of `code_point` (U+FFFD for surrogates and values past U+10FFFF).
void append_utf8(std::uint32_t code_point, std::string& out);

}  // namespace pebble
