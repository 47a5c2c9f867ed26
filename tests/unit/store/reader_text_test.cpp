// The text a reader sees of a stored value (store/reader_text.h), which the full-text index holds:
// each of its rules on its own. (store_contract_search_text_test holds PostgreSQL's SQL version to
// the same text on many more inputs.)
#include "store/reader_text.h"

#include <catch2/catch.hpp>

using pebble::store::html_reader_text;
using pebble::store::reader_text;

TEST_CASE("HTML reads as its text: inline tags go, other tags are spaces", "[store]") {
  CHECK(html_reader_text("<p>Read the <a href=\"https://lwn.net/\">notes</a></p><p>Next</p>") ==
        " Read the notes  Next ");
  CHECK(html_reader_text("<b>bold</b>er H<sub>2</sub>O un<wbr>break<SPAN class=x>able</SPAN>") ==
        "bolder H2O unbreakable");
  CHECK(html_reader_text("one<br />two<img src=\"x.png\" alt=\"image words\">three") == "one two three");
  CHECK(html_reader_text("<!-- a comment --> <?php x ?> <!DOCTYPE html>") == "     ");
  // An element whose name only starts like an inline one is not inline.
  CHECK(html_reader_text("a<bdo>b</bdo>c<br>d<b-x>e</b-x>f<abbr>g</abbr>") == "abc d e fg");
}

TEST_CASE("references are decoded; the ones that are no text read as spaces", "[store]") {
  CHECK(html_reader_text("AT&amp;T &lt;tag&gt; &quot;q&quot; it&apos;s") == "AT&T <tag> \"q\" it's");
  CHECK(html_reader_text("a&nbsp;b a\xC2\xA0"
                         "b a&#160;b a&#xA0;b") == "a b a b a b a b");
  CHECK(html_reader_text("caf&#233; caf&#xE9; &#X1F600; &#65;") ==
        "caf\xC3\xA9 caf\xC3\xA9 \xF0\x9F\x98\x80 A");
  // No character, NUL or a surrogate: U+FFFD; another named reference: a space.
  CHECK(html_reader_text("&#0;&#xD800;&#x110000;") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(html_reader_text("caf&eacute; &AMP;") == "caf   ");
  // Not references: too many digits, no semicolon, a bare ampersand.
  CHECK(html_reader_text("&#12345678; &#x1234567; &amp &a; & x") == "&#12345678; &#x1234567; &amp &a; & x");
}

TEST_CASE("a tag that never ends, and angle brackets of text, stay text", "[store]") {
  CHECK(html_reader_text("a < b and c > d") == "a < b and c > d");
  CHECK(html_reader_text("x <b unfinished") == "x <b unfinished");
  // Tags go before references are decoded: an escaped tag is text.
  CHECK(html_reader_text("&lt;b&gt;shown&lt;/b&gt;") == "<b>shown</b>");
}

TEST_CASE("plain text is what a reader sees as it is", "[store]") {
  CHECK(reader_text("a <b>c</b> &amp;", "text") == "a <b>c</b> &amp;");
  CHECK(reader_text("a <b>c</b> &amp;", "html") == "a c &");
}
