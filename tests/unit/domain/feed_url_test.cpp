#include "domain/feed_url.h"

#include <catch2/catch.hpp>

#include "support/error.h"

using pebble::domain::normalize_feed_url;

TEST_CASE("a feed URL typed in any of its forms is one subscription", "[domain]") {
  CHECK(normalize_feed_url("example.com/feed.xml") == "http://example.com/feed.xml");
  CHECK(normalize_feed_url("http://example.com/feed.xml") == "http://example.com/feed.xml");
  CHECK(normalize_feed_url("  HTTP://Example.COM:80/feed.xml#top \n") == "http://example.com/feed.xml");
  CHECK(normalize_feed_url("https://example.com:443") == "https://example.com/");
  CHECK(normalize_feed_url("https://example.com:8443/Feed?A=1&b=2") ==
        "https://example.com:8443/Feed?A=1&b=2");
  CHECK(normalize_feed_url("example.com?format=rss") == "http://example.com/?format=rss");
  CHECK(normalize_feed_url("localhost:8080/feed") == "http://localhost:8080/feed");
  CHECK(normalize_feed_url("http://user:pw@Host/feed") == "http://user:pw@host/feed");
  CHECK(normalize_feed_url("http://[::1]:8080/feed") == "http://[::1]:8080/feed");
  CHECK(normalize_feed_url("http://127.0.0.1:80/") == "http://127.0.0.1/");
  CHECK(normalize_feed_url("http://example.com/a%20b/") == "http://example.com/a%20b/");
}

TEST_CASE("a feed URL that cannot be fetched over http is refused with the reason", "[domain]") {
  const auto reason = [](const char* text) {
    try {
      normalize_feed_url(text);
    } catch (const pebble::support::UsageError& error) {
      return std::string(error.what());
    }
    return std::string("accepted");
  };
  CHECK(reason("ftp://example.com/feed") ==
        "ftp://example.com/feed: not an http or https URL (scheme 'ftp')");
  CHECK(reason("mailto:someone@example.com") ==
        "mailto:someone@example.com: not an http or https URL (scheme 'mailto')");
  CHECK(reason("http:example.com") == "http:example.com: not an absolute URL (no //host after http:)");
  CHECK(reason("http:///feed") == "http:///feed: no host name");
  CHECK(reason("") == ": an empty URL");
  CHECK(reason("http://example.com/a b") ==
        "http://example.com/a b: a URL may not contain spaces or control characters");
  CHECK(reason("http://example.com:99999/") == "http://example.com:99999/: invalid port '99999'");
  CHECK(reason("http://example.com:x/") == "http://example.com:x/: invalid port 'x'");
  CHECK(reason("http://[nothex]/") == "http://[nothex]/: not a valid IPv6 address in brackets");
}

TEST_CASE("a bookmark URL is checked like a feed URL but kept as typed", "[domain]") {
  using pebble::domain::absolute_http_url;
  CHECK(absolute_http_url(" example.com/Page#Part ") == "http://example.com/Page#Part");
  CHECK(absolute_http_url("HTTPS://Example.com/a?utm_source=x") == "HTTPS://Example.com/a?utm_source=x");
  CHECK_THROWS_AS(absolute_http_url("javascript:alert(1)"), pebble::support::UsageError);
  CHECK_THROWS_AS(absolute_http_url("https://"), pebble::support::UsageError);
}
