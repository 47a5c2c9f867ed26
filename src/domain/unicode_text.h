#pragma once
// The few Unicode operations URL normalization needs to agree with Python's str methods, over UTF-8
// bytes. Bytes that are not valid UTF-8 (which a Python str can never hold) are passed through.
#include <cstddef>
#include <string>
#include <string_view>

namespace pebble::unicode {

// One step of UTF-8 decoding: a code point, or an invalid stretch of `length` bytes.
struct DecodedStep {
  char32_t code_point = 0;
  std::size_t length = 1;
  bool valid = false;
};

// Decodes at `offset`; an invalid stretch is the "maximal subpart" Python replaces with one U+FFFD.
DecodedStep decode_utf8_step(std::string_view text, std::size_t offset);

// Appends the UTF-8 encoding of `code_point`.
void append_utf8(std::string& out, char32_t code_point);

// Python's bytes.decode("utf-8", "replace") re-encoded: every invalid stretch becomes U+FFFD.
std::string replace_invalid_utf8(std::string_view bytes);

// Python's str.lower() over the valid UTF-8 in `text` (without the final-sigma context rule).
std::string to_lower(std::string_view text);

// True when NFKC turns `code_point` into text containing one of / ? # @ : (urlsplit rejects those
// in a netloc).
bool nfkc_yields_url_delimiter(char32_t code_point);

}  // namespace pebble::unicode
