// The one escaper family for HTML and XML output.
#include "support/markup_escape.h"

#include <string>

#include <catch2/catch.hpp>

TEST_CASE("HTML escaping is Django's, for text and quoted attributes alike", "[escape]") {
  CHECK(pebble::support::escape_html("<a href=\"x\">Tom & Jerry's</a>") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#x27;s&lt;/a&gt;");
  CHECK(pebble::support::escape_html("caf\u00e9\n") == "caf\u00e9\n");
}

TEST_CASE("XML text keeps quotes and layout, attributes escape them", "[escape]") {
  const std::string raw = std::string("a<b>&\"c\"\td\ne\rf") + '\x01' + "g";
  CHECK(pebble::support::escape_xml_text(raw) == "a&lt;b&gt;&amp;\"c\"\td\ne&#13;fg");
  CHECK(pebble::support::escape_xml_attribute(raw) == "a&lt;b&gt;&amp;&quot;c&quot;&#9;d&#10;e&#13;fg");
  CHECK(pebble::support::escape_xml_attribute("\u00e9'") == "\u00e9'");
}
