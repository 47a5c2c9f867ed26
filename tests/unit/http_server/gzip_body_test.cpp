#include "http_server/gzip_body.h"

#include <catch2/catch.hpp>

using pebble::http_server::accepts_gzip;
using pebble::http_server::gzip_compress;

TEST_CASE("accepts_gzip reads Accept-Encoding lists and weights", "[http]") {
  for (const char* yes :
       {"gzip", "GZIP", "deflate, gzip", "gzip;q=0.5", "br, gzip ; q=1", "*", "identity, *;q=0.1"}) {
    INFO(yes);
    CHECK(accepts_gzip(yes));
  }
  for (const char* no :
       {"", "identity", "deflate, br", "gzip;q=0", "gzip; q=0.000", "x-gzip", "gzipped", "*;q=0"}) {
    INFO(no);
    CHECK_FALSE(accepts_gzip(no));
  }
}

TEST_CASE("gzip_compress writes one gzip member that shrinks repetitive text", "[http]") {
  std::string text;
  for (int line = 0; line < 200; ++line)
    text += "pebble_http_requests_total{handler=\"metrics\",code=\"200\"} 1\n";
  const std::string compressed = gzip_compress(text);
  REQUIRE(compressed.size() > 18);  // 10-byte header, 8-byte trailer
  CHECK(static_cast<unsigned char>(compressed[0]) == 0x1f);
  CHECK(static_cast<unsigned char>(compressed[1]) == 0x8b);
  CHECK(compressed.size() < text.size() / 10);
  CHECK(gzip_compress("").size() >= 18);
}
