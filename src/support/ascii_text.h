#pragma once
// ASCII-only classes and case handling for protocol and format tokens (charset names, XML namespace
// URIs, HTTP header names, URL schemes, references, flag values): independent of the C locale, and
// never touching UTF-8 bytes.
#include <string>
#include <string_view>

namespace pebble::support {

constexpr bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

constexpr bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

constexpr bool is_ascii_alphanumeric(char c) {
  return is_ascii_letter(c) || is_ascii_digit(c);
}

// The value of the hex digit `c` (0-9, a-f, A-F), or -1 when it is none.
constexpr int ascii_hex_value(char c) {
  if (is_ascii_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// `c` with A-Z mapped to a-z; every other byte unchanged.
constexpr char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// `text` with A-Z mapped to a-z.
std::string ascii_lower(std::string_view text);

// Whether `left` and `right` are equal when A-Z and a-z are not told apart.
bool equals_ignoring_ascii_case(std::string_view left, std::string_view right);

// Whether `text` begins with `prefix` when A-Z and a-z are not told apart.
bool starts_with_ignoring_ascii_case(std::string_view text, std::string_view prefix);

// Whether `name` is a Prometheus label name, [a-zA-Z_][a-zA-Z0-9_]*.
bool is_label_name(std::string_view name);

}  // namespace pebble::support
