#pragma once
// Turns a feed body of any common character set into UTF-8 (SPEC §6 Parsing).
#include <optional>
#include <string>
#include <string_view>

namespace pebble::parse {

// A body converted to UTF-8, with the character set it was read as (lower case, e.g. "utf-16le").
// A body that already was valid UTF-8 is not copied: text() then views the caller's bytes, so a
// DecodedText must not outlive the body it was decoded from.
struct DecodedText {
  // The UTF-8 text.
  std::string_view text() const { return converted ? std::string_view(*converted) : unchanged; }
  std::optional<std::string> converted;  // set when decoding had to produce new bytes
  std::string_view unchanged;            // the body (without its BOM) when it was usable as is
  std::string charset;
};

// The `charset` parameter of a Content-Type header value, lower case, or "" when absent.
std::string charset_from_content_type(std::string_view content_type);

// The `encoding` of an XML declaration at the start of ASCII-compatible bytes, lower case, or "".
std::string xml_declared_encoding(std::string_view bytes);

// Whether `bytes` is well-formed UTF-8 (support/utf8.h's rules), with AVX2 where the CPU has it
// and support/utf8's portable is_valid_utf8 elsewhere: every XML feed body goes through it.
bool is_valid_utf8_fast(std::string_view bytes);

// Decodes `body` chosen by BOM, then the HTTP charset, then the XML declaration (UTF-8 when none
// says); undecodable bytes become U+FFFD (maximal subparts, as support/utf8.h), never an error. The BOM is
// removed, and an XML declaration's encoding is rewritten to UTF-8 so the XML parser reads the converted text
// right.
DecodedText decode_to_utf8(std::string_view body, std::string_view content_type);

}  // namespace pebble::parse
