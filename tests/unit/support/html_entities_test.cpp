// The one HTML character-reference table (HTML5's full list) and decoder.
#include "support/html_entities.h"

#include <string>

#include <catch2/catch.hpp>

namespace {

std::string in_text(std::string_view text) {
  return pebble::support::decode_html_references(text, pebble::support::HtmlReferenceContext::text);
}

std::string in_attribute(std::string_view text) {
  return pebble::support::decode_html_references(text, pebble::support::HtmlReferenceContext::attribute);
}

}  // namespace

TEST_CASE("the table is HTML5's, sorted for binary search", "[entities]") {
  const pebble::support::HtmlEntity* first = pebble::support::find_html_entity("AElig");
  REQUIRE(first != nullptr);
  CHECK(first->first == 0xC6);
  CHECK(first->legacy);
  REQUIRE(pebble::support::find_html_entity("CounterClockwiseContourIntegral") != nullptr);  // the longest
  REQUIRE(pebble::support::find_html_entity("zwnj") != nullptr);                             // the last
  const pebble::support::HtmlEntity* two = pebble::support::find_html_entity("NotEqualTilde");
  REQUIRE(two != nullptr);
  CHECK(two->first == 0x2242);
  CHECK(two->second == 0x338);
  CHECK_FALSE(pebble::support::find_html_entity("hellip")->legacy);
  CHECK(pebble::support::find_html_entity("nosuchname") == nullptr);
  CHECK(pebble::support::find_html_entity("") == nullptr);
}

TEST_CASE("references decode to their text; unknown ones stay as written", "[entities]") {
  CHECK(in_text("caf&eacute; &amp; &hellip; &euro;") == "caf\u00e9 & \u2026 \u20AC");
  CHECK(in_text("&NotEqualTilde;") == "\u2242\u0338");
  CHECK(in_text("&#233;&#xE9;&#X1F600;") == "\u00e9\u00e9\U0001F600");
  CHECK(in_text("&#0;&#xD800;&#x110000;") == "\uFFFD\uFFFD\uFFFD");
  CHECK(in_text("&nosuch; &#xZZ; & alone &") == "&nosuch; &#xZZ; & alone &");
  CHECK(in_text("&hellip") == "&hellip");  // not a legacy name: needs its `;`
}

TEST_CASE("legacy names without `;` follow HTML5's text and attribute rules", "[entities]") {
  CHECK(in_text("&copy 2025") == "\u00a9 2025");
  CHECK(in_text("&notit;") == "\u00acit;");  // the longest legacy prefix
  CHECK(in_text("&amp=1") == "&=1");
  CHECK(in_attribute("?a=1&copy=2") == "?a=1&copy=2");  // `=` follows: left as written
  CHECK(in_attribute("&copyx") == "&copyx");            // an alphanumeric follows
  CHECK(in_attribute("&copy 2025") == "\u00a9 2025");
  CHECK(in_attribute("a&amp;b&lt") == "a&b<");
}
