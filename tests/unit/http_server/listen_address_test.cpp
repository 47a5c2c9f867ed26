#include "http_server/listen_address.h"

#include <catch2/catch.hpp>

#include "support/error.h"

using pebble::http_server::parse_listen_address;
using pebble::support::UsageError;

TEST_CASE("parse_listen_address accepts IPv4, names and bracketed IPv6", "[http]") {
  auto address = parse_listen_address("127.0.0.1:9466");
  CHECK(address.host == "127.0.0.1");
  CHECK(address.port == 9466);
  address = parse_listen_address("localhost:0");
  CHECK(address.host == "localhost");
  CHECK(address.port == 0);
  address = parse_listen_address("[::1]:65535");
  CHECK(address.host == "::1");
  CHECK(address.port == 65535);
  CHECK(address.to_string() == "[::1]:65535");
  CHECK(parse_listen_address("0.0.0.0:80").to_string() == "0.0.0.0:80");
  CHECK(parse_listen_address("[::]:9466").host == "::");
  // An empty host means every address, as node_exporter's --web.listen-address=:9100.
  address = parse_listen_address(":9466");
  CHECK(address.host.empty());
  CHECK(address.port == 9466);
  CHECK(address.to_string() == ":9466");
}

TEST_CASE("parse_listen_address rejects malformed input with the source named", "[http]") {
  for (const char* text :
       {"", "9466", ":", ":x", "127.0.0.1", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:-1", "127.0.0.1:94x6",
        "::1:9466", "[::1]9466", "[::1", "[]:80", "[host]:80", "exa mple:80", "127.0.0.1:1234567"}) {
    INFO(text);
    CHECK_THROWS_AS(parse_listen_address(text), UsageError);
  }
  CHECK_THROWS_WITH(parse_listen_address("nowhere", "PEBBLE_LISTEN"), Catch::Contains("PEBBLE_LISTEN") &&
                                                                          Catch::Contains("'nowhere'") &&
                                                                          Catch::Contains("HOST:PORT"));
  CHECK_THROWS_WITH(parse_listen_address("::1:80"), Catch::Contains("[::1]:9466"));
  CHECK_THROWS_WITH(parse_listen_address("a:70000"), Catch::Contains("0 to 65535"));
}
