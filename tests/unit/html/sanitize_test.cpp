// The HTML sanitizer (html/sanitize.h): what it keeps, what it removes, how it prints, and how it
// resolves the URLs of the content.
#include "html/sanitize.h"

#include <filesystem>

#include <catch2/catch.hpp>

#include "fuzz/fuzz_entries.h"
#include "support/test_env.h"
#include "support/utf8.h"

using pebble::html::has_markup;
using pebble::html::sanitize_html;

namespace {

constexpr const char* kBase = "http://example.com/blog/post/";

std::string clean(const std::string& markup) {
  return sanitize_html(markup, kBase);
}

}  // namespace

TEST_CASE("text without markup is returned as it is, unparsed", "[html]") {
  CHECK_FALSE(has_markup("Tom &amp; Jerry &lt;3"));
  CHECK(has_markup("a <b>b</b>"));
  CHECK(clean("Tom &amp; Jerry &lt;3") == "Tom &amp; Jerry &lt;3");
  CHECK(clean("") == "");
}

TEST_CASE("formatting, links, lists, tables and images are kept", "[html]") {
  CHECK(clean("<p>Hello, <b>world</b> &amp; <i>all</i></p>") ==
        "<p>Hello, <b>world</b> &amp; <i>all</i></p>");
  CHECK(clean(R"(<ul><li>one<li>two</ul>)") == "<ul><li>one</li><li>two</li></ul>");
  CHECK(clean(R"(<table><tr><td colspan="2">x</td></tr></table>)") ==
        R"(<table><tbody><tr><td colspan="2">x</td></tr></tbody></table>)");
  CHECK(clean(R"(<img src="http://example.com/a.png" alt="A" width="10">)") ==
        R"(<img src="http://example.com/a.png" alt="A" width="10" />)");
  CHECK(clean("line<br>break<hr>") == "line<br />break<hr />");
  CHECK(clean(R"(<a href="https://example.org/" title="t">x</a>)") ==
        R"(<a href="https://example.org/" title="t">x</a>)");
  CHECK(clean("<pre>\n\ncode</pre>") == "<pre>\n\ncode</pre>");
}

TEST_CASE("active content goes with its text, other unknown tags go and keep theirs", "[html]") {
  CHECK(
      clean(
          R"(safe<script type="text/javascript">location.href='http:/'+'/example.com/';</script> description)") ==
      "safe description");
  CHECK(clean("<style>p{color:red}</style><p>x</p>") == "<p>x</p>");
  CHECK(clean(R"(safe<embed src="http://example.com/"> <b>description</b>)") == "safe <b>description</b>");
  CHECK(clean(R"(safe<object classid="clsid:C932BA85"> <b>description</b></object>)") ==
        "safe <b>description</b>");
  CHECK(clean("safe<applet code=x.class>fallback</applet>!") == "safe!");
  CHECK(clean("<blink>blinking</blink> <marquee>moving</marquee>") == "blinking moving");
  CHECK(clean(R"(<form action="/x"><input name="q"><button>Go</button></form>)") == "Go");
  CHECK(clean("<template><b>inert</b></template>kept") == "kept");
  CHECK(clean("<noscript><b>no script</b></noscript>") == "<b>no script</b>");
  CHECK(clean("a<!-- comment -->b") == "ab");
  CHECK(clean("<title>Title</title><meta http-equiv=refresh content=0><link rel=stylesheet href=x>") ==
        "Title");
}

TEST_CASE("an iframe's fallback markup is sanitized in its place", "[html]") {
  CHECK(clean(R"(safe<iframe src="http://example.com/"> <b>description</b></iframe>)") ==
        "safe <b>description</b>");
  CHECK(clean(R"(<iframe><script>alert(1)</script><b>ok</b></iframe>)") == "<b>ok</b>");
  // Fallback inside fallback is not read again.
  CHECK(clean("<iframe>a<iframe>b</iframe>") == "a");
}

TEST_CASE("event handlers, unsafe URLs and unknown attributes go", "[html]") {
  CHECK(clean(R"(<img src="http://www.example.com/i.jpg" onclick="location.href='x';" />)") ==
        R"(<img src="http://www.example.com/i.jpg" />)");
  CHECK(clean(R"~(<body onload="x()"><p onmouseover="y()" data-x="1">t</p></body>)~") == "<p>t</p>");
  CHECK(clean(R"~(<a href="javascript:alert(1)">x</a>)~") == "<a>x</a>");
  CHECK(clean(R"~(<a href="JaVaScRiPt:alert(1)">x</a>)~") == "<a>x</a>");
  CHECK(clean(R"~(<a href=" java&#9;script&colon;alert(1)">x</a>)~") == "<a>x</a>");
  CHECK(clean(R"(<a href="vbscript:msgbox">x</a>)") == "<a>x</a>");
  CHECK(clean(R"(<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>)") == "<a>x</a>");
  CHECK(clean(R"(<img src="data:image/png;base64,iVBORw0KGgo=">)") ==
        R"(<img src="data:image/png;base64,iVBORw0KGgo=" />)");
  CHECK(clean(R"(<video poster="data:image/png;base64,AA=="></video>)") == "<video></video>");
  CHECK(clean(R"(<a href="mailto:a@example.com">m</a>)") == R"(<a href="mailto:a@example.com">m</a>)");
}

TEST_CASE("every URL-bearing attribute resolves against the base", "[html]") {
  CHECK(clean(R"(<a href="/relative/uri">click here</a>)") ==
        R"(<a href="http://example.com/relative/uri">click here</a>)");
  CHECK(clean(R"(<img src="../a.png" longdesc="d.html" usemap="#m">)") ==
        R"(<img src="http://example.com/blog/a.png" longdesc="http://example.com/blog/post/d.html" )"
        R"(usemap="http://example.com/blog/post/#m" />)");
  CHECK(clean(R"(<blockquote cite="q.html">q</blockquote><q cite="//cdn.example.net/q">q</q>)") ==
        R"(<blockquote cite="http://example.com/blog/post/q.html">q</blockquote>)"
        R"(<q cite="http://cdn.example.net/q">q</q>)");
  CHECK(clean(R"(<video src="v.mp4" poster="p.jpg"><source src="v.webm"></video>)") ==
        R"(<video src="http://example.com/blog/post/v.mp4" poster="http://example.com/blog/post/p.jpg">)"
        R"(<source src="http://example.com/blog/post/v.webm" /></video>)");
  CHECK(clean(R"(<table background="bg.png"><tr><td background="/td.png">x</td></tr></table>)") ==
        R"(<table background="http://example.com/blog/post/bg.png"><tbody><tr>)"
        R"(<td background="http://example.com/td.png">x</td></tr></tbody></table>)");
  CHECK(clean(R"(<del cite="why">a</del><ins cite="?v=2">b</ins>)") ==
        R"(<del cite="http://example.com/blog/post/why">a</del>)"
        R"(<ins cite="http://example.com/blog/post/?v=2">b</ins>)");
  CHECK(clean(R"(<img srcset="a.png 1x, /b.png 2x, javascript:x 3x,data:image/gif;base64,R0 4x">)") ==
        R"(<img srcset="http://example.com/blog/post/a.png 1x, http://example.com/b.png 2x, )"
        R"(data:image/gif;base64,R0 4x" />)");
  CHECK(clean(R"(<picture><source srcset="s.webp" type="image/webp"><img src="s.jpg"></picture>)") ==
        R"(<picture><source srcset="http://example.com/blog/post/s.webp" type="image/webp" />)"
        R"(<img src="http://example.com/blog/post/s.jpg" /></picture>)");
  // Nothing to resolve against: the reference stays as written.
  CHECK(sanitize_html(R"(<a href="/x">x</a>)", "") == R"(<a href="/x">x</a>)");
}

TEST_CASE("inline SVG and MathML are kept with their namespaces", "[html]") {
  CHECK(clean(R"(<svg width="10" viewbox="0 0 10 10"><a xlink:href="/c"><circle r="5"/></a></svg>)") ==
        R"(<svg xmlns="http://www.w3.org/2000/svg" width="10" viewBox="0 0 10 10">)"
        R"(<a xlink:href="http://example.com/c" xmlns:xlink="http://www.w3.org/1999/xlink">)"
        R"(<circle r="5" /></a></svg>)");
  CHECK(clean(R"~(<svg><a xlink:href="javascript:alert(1)"><text>t</text></a></svg>)~") ==
        R"(<svg xmlns="http://www.w3.org/2000/svg"><a><text>t</text></a></svg>)");
  CHECK(
      clean(
          R"(<svg><set attributeName="href" to="javascript:x"/><script>x</script><style>y</style></svg>)") ==
      R"(<svg xmlns="http://www.w3.org/2000/svg"></svg>)");
  CHECK(clean(R"(<svg><foreignObject><b>html</b></foreignObject></svg>)") ==
        R"(<svg xmlns="http://www.w3.org/2000/svg"></svg>)");
  CHECK(clean(R"(<math><mi>x</mi><mo>=</mo><mn>1</mn></math>)") ==
        R"(<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi><mo>=</mo><mn>1</mn></math>)");
}

TEST_CASE("style keeps plain declarations and drops what loads or positions", "[html]") {
  CHECK(clean(R"(<a href="http://www.ragingplatypus.com/" style="display:block; position:absolute; left:0; )"
              R"(top:0; width:100%; height:100%; z-index:1; background-color:black; )"
              R"(background-image:url(http://www.ragingplatypus.com/i/cam-full.jpg); background-x:center; )"
              R"(background-y:center; background-repeat:repeat;">never trust your upstream platypus</a>)") ==
        R"(<a href="http://www.ragingplatypus.com/" style="display: block; width: 100%; height: 100%; )"
        R"(background-color: black; background-x: center; background-y: center;">)"
        "never trust your upstream platypus</a>");
  CHECK(clean(R"~(<p style="color: expression(alert(1))">x</p>)~") == "<p>x</p>");
  CHECK(clean(R"(<p style="color: rgb(1, 2, 3); font-family: 'Open Sans'">x</p>)") ==
        R"(<p style="color: rgb(1, 2, 3); font-family: 'Open Sans';">x</p>)");
}

TEST_CASE("markup nested too deep to parse keeps its text", "[html]") {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div>";
  deep += "deep &amp; <script>gone()</script>text";
  CHECK(clean(deep) == "deep &amp; text");
}

TEST_CASE("what is printed is escaped as text and attribute values", "[html]") {
  CHECK(clean("<p>1 < 2 & 3 > 2</p>") == "<p>1 &lt; 2 &amp; 3 &gt; 2</p>");
  CHECK(clean(R"(<a title="say &quot;hi&quot; <now>">x</a>)") ==
        R"(<a title="say &quot;hi&quot; &lt;now&gt;">x</a>)");
  CHECK(clean("<p>caf&eacute;&nbsp;</p>") == "<p>caf\xC3\xA9\xC2\xA0</p>");
}

TEST_CASE("sanitized samples read back holding only what the allow-lists keep", "[html]") {
  // The fuzz target's check (tests/fuzz/fuzz_entries.h), on the samples that seed it.
  for (const auto& entry : std::filesystem::directory_iterator(pebble::test::test_data_dir() + "/html")) {
    INFO(entry.path().string());
    const std::string markup = pebble::test::read_file(entry.path().string());
    CHECK_NOTHROW(pebble::fuzz::run_html_sanitize(markup));
    CHECK(sanitize_html(markup, kBase).find("script") == std::string::npos);
  }
}

TEST_CASE("a numeric reference beyond Unicode gives U+FFFD, never bytes that are not UTF-8", "[html]") {
  const std::string sanitized = clean("<p>&#95555555555555555555555555555555555555555555;</p>");
  CHECK(pebble::support::is_valid_utf8(sanitized));
  CHECK(sanitized.starts_with("<p>"));
}
