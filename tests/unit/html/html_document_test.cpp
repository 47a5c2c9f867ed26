// The general HTML document reader of src/html/ (html_document.h): what a page says about itself.
#include "html/html_document.h"

#include <catch2/catch.hpp>

using pebble::html::HtmlDocument;
using pebble::html::HtmlElement;

TEST_CASE("a page's title, meta tags and alternate links can be read", "[html]") {
  const HtmlDocument page = HtmlDocument::parse_page(
      "<!DOCTYPE html><title>A &amp; B</title><meta property=og:title content='OG'>"
      "<link rel=alternate type=application/rss+xml href=/feed.xml><p>body");
  std::vector<std::string> names;
  std::string title;
  std::string og;
  std::string feed;
  page.for_each_element([&](const HtmlElement& element) {
    names.push_back(element.name());
    if (element.name() == "title") title = element.text();
    if (element.name() == "meta" && element.attribute("property") == "og:title")
      og = *element.attribute("content");
    if (element.name() == "link" && element.attribute("REL") == "alternate")
      feed = *element.attribute("href");
  });
  CHECK(names == std::vector<std::string>{"html", "head", "title", "meta", "link", "body", "p"});
  CHECK(title == "A & B");
  CHECK(og == "OG");
  CHECK(feed == "/feed.xml");
}

TEST_CASE("a fragment's elements keep their namespaces and prefixed attributes", "[html]") {
  const HtmlDocument fragment =
      HtmlDocument::parse_fragment(R"(<b>x</b><svg viewbox="0 0 1 1"><a xlink:href="u"/></svg>)");
  std::vector<std::string> seen;
  fragment.for_each_element([&](const HtmlElement& element) {
    std::string line = std::string(element.space()) + ":" + element.name();
    for (const auto& [name, value] : element.attributes()) line += " " + name + "=" + value;
    seen.push_back(line);
  });
  CHECK(seen ==
        std::vector<std::string>{"html:html", "html:b", "svg:svg viewBox=0 0 1 1", "svg:a xlink:href=u"});
}
