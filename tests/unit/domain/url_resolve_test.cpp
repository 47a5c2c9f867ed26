#include "domain/url_resolve.h"

#include <catch2/catch.hpp>

using pebble::domain::is_http_url;
using pebble::domain::resolve_url;

TEST_CASE("RFC 3986 §5.4 reference resolution examples", "[feedparse]") {
  const char* base = "http://a/b/c/d;p?q";
  const std::pair<const char*, const char*> examples[] = {
      {"g:h", "g:h"},
      {"g", "http://a/b/c/g"},
      {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"},
      {"/g", "http://a/g"},
      {"//g", "http://g"},
      {"?y", "http://a/b/c/d;p?y"},
      {"g?y", "http://a/b/c/g?y"},
      {"#s", "http://a/b/c/d;p?q#s"},
      {"g#s", "http://a/b/c/g#s"},
      {"g?y#s", "http://a/b/c/g?y#s"},
      {";x", "http://a/b/c/;x"},
      {"g;x", "http://a/b/c/g;x"},
      {"g;x?y#s", "http://a/b/c/g;x?y#s"},
      {"", "http://a/b/c/d;p?q"},
      {".", "http://a/b/c/"},
      {"./", "http://a/b/c/"},
      {"..", "http://a/b/"},
      {"../", "http://a/b/"},
      {"../g", "http://a/b/g"},
      {"../..", "http://a/"},
      {"../../", "http://a/"},
      {"../../g", "http://a/g"},
      // §5.4.2 abnormal examples
      {"../../../g", "http://a/g"},
      {"../../../../g", "http://a/g"},
      {"/./g", "http://a/g"},
      {"/../g", "http://a/g"},
      {"g.", "http://a/b/c/g."},
      {".g", "http://a/b/c/.g"},
      {"g..", "http://a/b/c/g.."},
      {"..g", "http://a/b/c/..g"},
      {"./../g", "http://a/b/g"},
      {"./g/.", "http://a/b/c/g/"},
      {"g/./h", "http://a/b/c/g/h"},
      {"g/../h", "http://a/b/c/h"},
      {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
      {"g;x=1/../y", "http://a/b/c/y"},
      {"g?y/./x", "http://a/b/c/g?y/./x"},
      {"g?y/../x", "http://a/b/c/g?y/../x"},
      {"g#s/./x", "http://a/b/c/g#s/./x"},
      {"g#s/../x", "http://a/b/c/g#s/../x"},
      {"http:g", "http:g"},
  };
  for (const auto& [reference, expected] : examples) {
    INFO(reference);
    CHECK(resolve_url(base, reference) == expected);
  }
}

TEST_CASE("references stay as given when there is no absolute base", "[feedparse]") {
  CHECK(resolve_url("", "/posts/1") == "/posts/1");
  CHECK(resolve_url("relative/base", "x") == "x");
  CHECK(resolve_url("https://example.org", "posts/1") == "https://example.org/posts/1");
  CHECK(resolve_url("https://example.org/a/", "https://other.example/b") == "https://other.example/b");
}

TEST_CASE("an http URL is an http or https scheme in any case and a host", "[feedparse]") {
  CHECK(is_http_url("https://example.org"));
  CHECK(is_http_url("HTTP://example.org/a?b#c"));
  CHECK(is_http_url("http://user@example.org:8080/"));
  CHECK_FALSE(is_http_url("https:/path"));  // absolute, but no authority
  CHECK_FALSE(is_http_url("https:///path"));
  CHECK_FALSE(is_http_url("http://?q"));
  CHECK_FALSE(is_http_url("http://"));
  CHECK_FALSE(is_http_url("ftp://example.org/"));
  CHECK_FALSE(is_http_url("//example.org/"));
}
