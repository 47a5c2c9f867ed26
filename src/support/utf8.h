#pragma once
// UTF-8 decoding, validation, repair and encoding: the one copy every folder uses.
//
// Repair follows one rule everywhere, Unicode §3.9 "U+FFFD substitution of maximal subparts" (the
// WHATWG Encoding Standard's UTF-8 decoder, and Python's bytes.decode("utf-8", "replace")): each
// maximal subpart of an ill-formed sequence, that is the longest prefix of a well-formed sequence
// (or else a single byte), becomes one U+FFFD. So "\xE2\x82" (a truncated euro sign) becomes one
// U+FFFD, while "\xC0\xAF" (an overlong slash, whose lead byte can never start a sequence)
// becomes two. Well-formed means Unicode Table 3-7: no overlong forms, no surrogates, nothing past
// U+10FFFF.
#include <cstddef>
#include <string>
#include <string_view>

namespace pebble::support {

// The replacement character U+FFFD, encoded.
inline constexpr std::string_view kUtf8Replacement = "\xEF\xBF\xBD";

// One step of UTF-8 decoding: a code point, or an ill-formed maximal subpart of `length` bytes.
struct Utf8Step {
  char32_t code_point = 0;
  std::size_t length = 1;
  bool valid = false;
  // Set when the subpart is ill-formed only because the text ends: more bytes could complete it.
  bool truncated = false;
};

// Decodes the sequence starting at `offset` (< text.size()).
Utf8Step decode_utf8_step(std::string_view text, std::size_t offset);

// Whether `bytes` is well-formed UTF-8; portable, eight ASCII bytes at a time.
bool is_valid_utf8(std::string_view bytes);

// `bytes` with each ill-formed maximal subpart replaced by U+FFFD.
std::string replace_invalid_utf8(std::string_view bytes);

// Appends `bytes` repaired as replace_invalid_utf8 does. With `more_follows`, a truncated sequence
// at the very end is left out instead, for the next chunk to complete; returns its length.
std::size_t append_repaired_utf8(std::string_view bytes, bool more_follows, std::string& out);

// Appends the UTF-8 encoding of `code_point`; surrogates and values past U+10FFFF, which have
// none, append U+FFFD.
void append_utf8(std::string& out, char32_t code_point);

}  // namespace pebble::support
