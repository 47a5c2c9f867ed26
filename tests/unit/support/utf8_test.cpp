// The one UTF-8 toolkit: maximal-subpart repair (Unicode §3.9, WHATWG), validation, encoding, and
// the streaming form the bookmark readers use.
#include "support/utf8.h"

#include <string>

#include <catch2/catch.hpp>

TEST_CASE("repair replaces each maximal subpart with one U+FFFD", "[utf8]") {
  CHECK(pebble::support::replace_invalid_utf8("caf\xC3\xA9") == "caf\u00e9");
  CHECK(pebble::support::replace_invalid_utf8("a\xE2\x82"
                                              "b") ==
        "a\uFFFD"
        "b");                                                                  // truncated euro: one
  CHECK(pebble::support::replace_invalid_utf8("a\xF0\x9F\x98") == "a\uFFFD");  // truncated at the end: one
  CHECK(pebble::support::replace_invalid_utf8("\xC0\xAF") == "\uFFFD\uFFFD");  // C0 never leads: two
  CHECK(pebble::support::replace_invalid_utf8("\xED\xA0\x80") == "\uFFFD\uFFFD\uFFFD");  // a surrogate
  CHECK(pebble::support::replace_invalid_utf8("\xF4\x90\x80\x80") ==
        "\uFFFD\uFFFD\uFFFD\uFFFD");                                                   // > U+10FFFF
  CHECK(pebble::support::replace_invalid_utf8("\xE2\x82\xAC\xAC") == "\u20AC\uFFFD");  // one byte too many
  // The example of Unicode §3.9 Table 3-8: eight replacements for these bytes.
  CHECK(pebble::support::replace_invalid_utf8("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64") ==
        "a\uFFFD\uFFFD\uFFFD"
        "b\uFFFD"
        "c\uFFFD\uFFFD"
        "d");
}

TEST_CASE("the step decoder reports code points, subparts and truncation", "[utf8]") {
  const pebble::support::Utf8Step euro = pebble::support::decode_utf8_step("x\xE2\x82\xAC", 1);
  CHECK(euro.valid);
  CHECK(euro.code_point == 0x20AC);
  CHECK(euro.length == 3);
  const pebble::support::Utf8Step cut = pebble::support::decode_utf8_step("\xE2\x82", 0);
  CHECK_FALSE(cut.valid);
  CHECK(cut.truncated);
  CHECK(cut.length == 2);
  const pebble::support::Utf8Step broken = pebble::support::decode_utf8_step("\xE2\x82x", 0);
  CHECK_FALSE(broken.truncated);
  CHECK(broken.length == 2);
  CHECK_FALSE(pebble::support::decode_utf8_step("\x80", 0).truncated);
}

TEST_CASE("validation follows Table 3-7", "[utf8]") {
  CHECK(pebble::support::is_valid_utf8("plain ascii over more than eight bytes"));
  CHECK(pebble::support::is_valid_utf8("\xF4\x8F\xBF\xBF"));
  CHECK_FALSE(pebble::support::is_valid_utf8("\xE0\x80\xAF"));  // overlong
  CHECK_FALSE(pebble::support::is_valid_utf8("abcdefgh\xC3"));  // truncated after a whole block
  CHECK_FALSE(pebble::support::is_valid_utf8("\xED\xBF\xBF"));  // a surrogate
}

TEST_CASE("append_utf8 encodes every length and refuses what has no encoding", "[utf8]") {
  std::string out;
  for (const char32_t code_point : {U'A', U'\u00e9', U'\u20AC', U'\U0001F600'})
    pebble::support::append_utf8(out, code_point);
  CHECK(out == "A\u00e9\u20AC\U0001F600");
  out.clear();
  pebble::support::append_utf8(out, 0xD800);
  pebble::support::append_utf8(out, 0x110000);
  CHECK(out == "\uFFFD\uFFFD");
}

TEST_CASE("streamed repair carries a split sequence to the next chunk", "[utf8]") {
  std::string out;
  CHECK(pebble::support::append_repaired_utf8("ab\xE2\x82", true, out) == 2);
  CHECK(out == "ab");
  CHECK(pebble::support::append_repaired_utf8("\xE2\x82\xAC!", true, out) == 0);
  CHECK(out == "ab\u20AC!");
  CHECK(pebble::support::append_repaired_utf8("\xE2\x82", false, out) == 0);  // the end: replaced
  CHECK(out == "ab\u20AC!\uFFFD");
}
