// The depth estimate that keeps markup too deep for gumbo's quadratic tree builder away from it,
// and the text that is kept of such markup.
#include "html/nesting_guard.h"

#include <catch2/catch.hpp>

using pebble::html::nesting_exceeded_at;
using pebble::html::text_without_tags;

namespace {

std::string repeat(const std::string& unit, int times) {
  std::string text;
  for (int i = 0; i < times; ++i) text += unit;
  return text;
}

constexpr auto npos = std::string_view::npos;

}  // namespace

TEST_CASE("ordinary content is never too deep", "[html]") {
  CHECK(nesting_exceeded_at(repeat("<p>para<b>bold</b><br>", 5000)) == npos);
  CHECK(nesting_exceeded_at(repeat("<li>item", 5000)) == npos);  // each <li> closes the one before
  CHECK(nesting_exceeded_at(repeat("<table><tr><td>x</td></tr></table>", 1000)) == npos);
  CHECK(nesting_exceeded_at("<svg>" + repeat("<circle r='1'/>", 1000) + "</svg>") == npos);
  CHECK(nesting_exceeded_at(repeat("<div>", 256)) == npos);
}

TEST_CASE("deep nesting is found, however it is spelled", "[html]") {
  CHECK(nesting_exceeded_at(repeat("<div>", 257)) == 256 * 5);
  // HTML ignores `/>` on a div, and an end tag closes only an open element of its name.
  CHECK(nesting_exceeded_at(repeat("<div/>", 300)) != npos);
  CHECK(nesting_exceeded_at(repeat("<div></x>", 300)) != npos);
  CHECK(nesting_exceeded_at(repeat("<DIV class=\"a>b\">", 300)) != npos);
  // A quote opens a value only after `=`: `<x '>` ends at its '>', and what follows is counted.
  CHECK(nesting_exceeded_at("<x '>" + repeat("<div>", 300) + "'") != npos);
  CHECK(nesting_exceeded_at("<x a=\"1\" b='>'>" + repeat("<span>", 300)) != npos);
  CHECK(nesting_exceeded_at(repeat("<b><i>", 200)) != npos);
}

TEST_CASE("raw text and comments hold no tags", "[html]") {
  CHECK(nesting_exceeded_at("<script>" + repeat("<div>", 300) + "</script>") == npos);
  CHECK(nesting_exceeded_at("<!--" + repeat("<div>", 300) + "-->") == npos);
  CHECK(nesting_exceeded_at("<textarea>" + repeat("<div>", 300) + "</TEXTAREA>" + repeat("<div>", 300)) !=
        npos);
}

TEST_CASE("the text of too deep markup keeps references and drops scripts", "[html]") {
  CHECK(text_without_tags("<div><p>a &amp; b</p><script>x()</script><style>p{}</style>c > d<!-- e -->") ==
        "a &amp; bc &gt; d");
  CHECK(text_without_tags("<textarea><b>t</b></textarea>1 < 2") == "&lt;b&gt;t&lt;/b&gt;1 &lt; 2");
  CHECK(text_without_tags("unterminated <b") == "unterminated ");
}
