// The ASCII classes every token reader shares (support/ascii_text.h): exactly the ASCII ranges,
// never a byte of UTF-8, whatever the C locale says.
#include "support/ascii_text.h"

#include <catch2/catch.hpp>

using namespace pebble::support;

TEST_CASE("ASCII letters, digits and hex digits are their ranges and nothing else", "[support]") {
  std::string letters;
  std::string digits;
  std::string hex;
  for (int value = 0; value < 256; ++value) {
    const char c = static_cast<char>(value);
    if (is_ascii_letter(c)) letters += c;
    if (is_ascii_digit(c)) digits += c;
    if (ascii_hex_value(c) >= 0) hex += c;
    CHECK(is_ascii_alphanumeric(c) == (is_ascii_letter(c) || is_ascii_digit(c)));
  }
  CHECK(letters == "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
  CHECK(digits == "0123456789");
  CHECK(hex == "0123456789ABCDEFabcdef");
  CHECK(ascii_hex_value('0') == 0);
  CHECK(ascii_hex_value('9') == 9);
  CHECK(ascii_hex_value('a') == 10);
  CHECK(ascii_hex_value('F') == 15);
  CHECK_FALSE(is_ascii_letter('\xC3'));  // the lead byte of é
}
