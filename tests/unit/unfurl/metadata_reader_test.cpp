// The page metadata reader (unfurl/html_metadata.h) on the fixtures of tests/data/pages, one per
// rule, field by field: precedence, whitespace, URL resolution, feeds and character sets.
#include <catch2/catch.hpp>

#include "support/test_env.h"
#include "unfurl/html_metadata.h"
#include "unfurl/metadata_rules.h"

using pebble::domain::AnnouncedFeed;
using pebble::domain::PageMetadata;
using pebble::unfurl::read_html_metadata;

namespace {

const std::string kSite = "https://news.example.org";

std::string page(const std::string& name) {
  return pebble::test::read_file(pebble::test::test_data_dir() + "/pages/" + name);
}

PageMetadata read(const std::string& name, const std::string& content_type = "text/html",
                  const std::string& url = kSite + "/articles/1") {
  return read_html_metadata(page(name), content_type, url);
}

}  // namespace

TEST_CASE("Open Graph wins over the Twitter card and the page's own title and description", "[unfurl]") {
  const PageMetadata metadata = read("open_graph.html");
  CHECK(metadata.title == "Open Graph title & more");  // entities decoded, whitespace folded
  CHECK(metadata.description == "The Open Graph description.");
  CHECK(metadata.site_name == "Example News");
  CHECK(metadata.image == kSite + "/images/cover.jpg");      // og:image before twitter:image, resolved
  CHECK(metadata.favicon == kSite + "/static/icon-32.png");  // rel=icon before apple-touch-icon
  CHECK(metadata.feeds.empty());
}

TEST_CASE("the Twitter card wins over the page's own title and description", "[unfurl]") {
  const PageMetadata metadata = read("twitter.html");
  CHECK(metadata.title == "Twitter card title");
  CHECK(metadata.description == "Twitter card description.");
  CHECK(metadata.site_name == "Tweeting Site");                  // application-name
  CHECK(metadata.image == kSite + "/articles/images/card.png");  // twitter:image:src, relative
  CHECK(metadata.favicon == kSite + "/favicon.ico");             // rel="shortcut icon"
}

TEST_CASE("a plain page gives its <title> and <meta name=description>", "[unfurl]") {
  const PageMetadata metadata = read("plain.html");
  CHECK(metadata.title == "A plain page title");  // newlines and tabs folded; an empty og:title ignored
  CHECK(metadata.description == "Only the basics: a title and a description.");  // name is case-blind
  CHECK_FALSE(metadata.site_name);
  CHECK_FALSE(metadata.image);                               // an og:image after <body> is not the head's
  CHECK(metadata.favicon == kSite + "/articles/touch.png");  // apple-touch-icon when there is no icon
  CHECK(metadata.feeds.empty());
}

TEST_CASE("a page without <html>, <head> or <body> tags is read as the parser completes it", "[unfurl]") {
  const PageMetadata metadata = read("no_head.html");
  CHECK(metadata.title == "No head, no html, no body");
  CHECK(metadata.description == "Markup without the optional tags.");
  CHECK(metadata.feeds ==
        std::vector<AnnouncedFeed>{{kSite + "/feed/nohead", "application/rss+xml", std::nullopt}});
}

TEST_CASE("relative references resolve against <base href>, itself resolved against the page", "[unfurl]") {
  const PageMetadata metadata = read("relative_base.html");
  CHECK(metadata.title == "Relative references");
  CHECK(metadata.image == kSite + "/blog/2024/img/cover.png");
  CHECK(metadata.favicon == kSite + "/favicon.png");
  // A scheme-relative href takes the page's scheme; a javascript: href is no feed.
  CHECK(metadata.feeds ==
        std::vector<AnnouncedFeed>{
            {kSite + "/blog/2024/atom.xml", "application/atom+xml", "Atom"},
            {kSite + "/blog/feed.xml", "application/rss+xml", "RSS"},
            {"https://feeds.example.invalid/feed.json", "application/feed+json", std::nullopt}});
}

TEST_CASE("every feed a page announces, in order, each once; other alternates are not feeds", "[unfurl]") {
  const PageMetadata metadata = read("several_feeds.html", "text/html", "http://Site.Example:80/");
  // Feed URLs take their subscription form (domain/feed_url.h): host lower-cased, :80 and the
  // fragment dropped, so "/feed/main#again" is "/feed/main" again. rel and type are case-blind
  // token lists, and parameters after the type do not matter.
  CHECK(metadata.feeds ==
        std::vector<AnnouncedFeed>{{"http://site.example/feed/comments", "application/rss+xml", "Comments"},
                                   {"http://site.example/feed/main", "application/rss+xml", "Main"},
                                   {"http://site.example/feed/atom", "application/atom+xml", "Atom"},
                                   {"http://site.example/feed/json", "application/feed+json", "JSON"},
                                   {"http://site.example/feed/podcast", "application/rss+xml", "Podcast"}});
}

TEST_CASE("the page's <meta> charset decides when the server names none", "[unfurl]") {
  const PageMetadata metadata = read("charset_meta.html");  // windows-1251, http-equiv Content-Type
  CHECK(metadata.title == "Привет, мир");
  CHECK(metadata.description == "Страница в windows-1251.");
}

TEST_CASE("the header's charset wins over the page's <meta charset>", "[unfurl]") {
  // KOI8-R bytes in a page that claims UTF-8: the server knows better (the HTML standard's order).
  CHECK(read("charset_header.html", "text/html; charset=koi8-r").title == "Привет KOI8-R");
}

TEST_CASE("a byte-order mark wins over everything", "[unfurl]") {
  CHECK(read("charset_bom.html", "text/html; charset=iso-8859-1").title ==
        "UTF-16 with a byte-order mark: 日本");
}

TEST_CASE("Latin-1 bytes labelled UTF-8 are read as windows-1252, UTF-8 with a stray byte is not",
          "[unfurl]") {
  const PageMetadata metadata = read("wrong_charset.html", "text/html; charset=utf-8");
  CHECK(metadata.title == "Café crème – served as UTF-8");
  CHECK(metadata.description == "Naïve Latin-1 bytes.");
  // Real UTF-8 with one broken byte stays UTF-8; the broken byte becomes U+FFFD.
  const PageMetadata stray =
      read_html_metadata("<title>Caf\xC3\xA9 \xFF</title>", "text/html; charset=utf-8", kSite + "/");
  CHECK(stray.title == "Café \xEF\xBF\xBD");
  // No charset anywhere and bytes that are not UTF-8: windows-1252, as browsers read them.
  CHECK(read_html_metadata("<title>Caf\xE9</title>", "", kSite + "/").title == "Café");
}

TEST_CASE("only the head of a long page is read, whatever follows", "[unfurl]") {
  std::string body = page("large_head.html");
  const std::string paragraph = "<p>lorem ipsum dolor sit amet</p><meta property=og:title content=late>\n";
  while (body.size() < 10 * 1024 * 1024) body += paragraph;
  const PageMetadata metadata = read_html_metadata(body, "text/html", kSite + "/");
  CHECK(metadata.title == "A page of more than 10 MB");
  CHECK(metadata.description == "Its head is read; the rest is cut at --max-size.");
}

TEST_CASE("hostile values are cut, folded or dropped, never stored as they came", "[unfurl]") {
  const std::string long_title(5000, 'x');
  const std::string markup = "<title>" + long_title + "</title>" +
                             "<meta name=description content='one\x1b[31m two\r\nthree'>" +
                             "<meta property=og:image content='data:image/png;base64,AAAA'>" +
                             "<link rel=icon href='/" + std::string(3000, 'i') + "'>" +
                             "<link rel=alternate type=application/rss+xml href='ftp://x.example/feed'>";
  const PageMetadata metadata = read_html_metadata(markup, "text/html", kSite + "/");
  CHECK(metadata.title == std::string(pebble::unfurl::kMaxTitleBytes, 'x'));
  // gumbo turns the escape character into U+FFFD; the line break folds into a space.
  CHECK(metadata.description == "one\xEF\xBF\xBD[31m two three");
  CHECK_FALSE(metadata.image);    // not http(s)
  CHECK_FALSE(metadata.favicon);  // longer than a URL may be
  CHECK(metadata.feeds.empty());  // not http(s)
}

TEST_CASE("an http(s) URL that names no host is dropped, a scheme in capitals is read", "[unfurl]") {
  // page_metadata fuzz finding: `https:/path` is an absolute reference, so it resolved to itself.
  const std::string markup =
      "<meta name=twitter:image content='https:/rt:image'>"
      "<link rel=icon href='HTTPS:///favicon.ico'>"
      "<link rel=alternate type=application/rss+xml href='HTTP://feeds.example/rss'>";
  const PageMetadata metadata = read_html_metadata(markup, "text/html", kSite + "/");
  CHECK_FALSE(metadata.image);
  CHECK_FALSE(metadata.favicon);
  REQUIRE(metadata.feeds.size() == 1);
  CHECK(metadata.feeds[0].url == "http://feeds.example/rss");  // resolution lower-cases the scheme
}

TEST_CASE("a title is never cut inside a character", "[unfurl]") {
  std::string title;
  while (title.size() < pebble::unfurl::kMaxTitleBytes + 10) title += "é";
  const PageMetadata metadata = read_html_metadata("<title>x" + title + "</title>", "text/html", kSite + "/");
  REQUIRE(metadata.title);
  CHECK(metadata.title->size() == pebble::unfurl::kMaxTitleBytes - 1);  // "x" and whole two-byte characters
}

TEST_CASE("one_line folds whitespace and control characters and trims", "[unfurl]") {
  using pebble::unfurl::one_line;
  CHECK(one_line("  a\x01\x1b\t b \r\n", 100) == "a b");
  CHECK_FALSE(one_line(" \x7f\n ", 100));
  CHECK(one_line("abc def", 5) == "abc d");
  CHECK(one_line("abcd efg", 5) == "abcd");  // cut, and the space left at the end goes too
}
