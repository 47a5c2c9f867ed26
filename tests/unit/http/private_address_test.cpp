// PEBBLE_DENY_PRIVATE_NETWORKS: which addresses count as inside.
#include "http/private_address.h"

#include <catch2/catch.hpp>

TEST_CASE("loopback, private, link-local and reserved addresses are private", "[poller]") {
  for (const char* text :
       {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
        "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1",
        "fd00::1", "fc12::3", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "ff02::1"}) {
    INFO(text);
    CHECK(pebble::http::is_private_address_text(text));
  }
}

TEST_CASE("public addresses are not private", "[poller]") {
  for (const char* text : {"8.8.8.8", "1.1.1.1", "172.32.0.1", "172.15.255.255", "192.169.0.1", "100.128.0.1",
                           "2001:4860:4860::8888", "::ffff:8.8.8.8", "2a00:1450::1"}) {
    INFO(text);
    CHECK_FALSE(pebble::http::is_private_address_text(text));
  }
  CHECK_FALSE(pebble::http::is_private_address_text("example.com"));
}
