// PEBBLE_DENY_PRIVATE_NETWORKS: only globally routable unicast is allowed. The attack that failed
// before: NAT64, 6to4, site-local, ::ffff:0:0/96 variants, 100::/64, 198.18.0.0/15, 192.0.0.0/24 and
// 192.0.2.0/24 all connected. The table has an address at each end of every registry block.
#include "http/private_address.h"

#include <catch2/catch.hpp>

using pebble::http::is_private_address_text;

TEST_CASE("deny-private: every non-global block of the IANA special-purpose registries is refused",
          "[poller]") {
  for (const char* text : {
           // IPv4 special-purpose registry, first and last address of each block
           "0.0.0.0",
           "0.255.255.255",
           "10.0.0.0",
           "10.255.255.255",
           "100.64.0.0",
           "100.127.255.255",
           "127.0.0.1",
           "127.255.255.255",
           "169.254.0.0",
           "169.254.169.254",
           "169.254.255.255",
           "172.16.0.0",
           "172.31.255.255",
           "192.0.0.0",
           "192.0.0.255",
           "192.0.2.0",
           "192.0.2.255",
           "192.88.99.0",
           "192.88.99.255",
           "192.168.0.0",
           "192.168.255.255",
           "198.18.0.0",
           "198.19.255.255",
           "198.51.100.0",
           "198.51.100.255",
           "203.0.113.0",
           "203.0.113.255",
           "224.0.0.1",
           "239.255.255.255",
           "240.0.0.0",
           "255.255.255.255",
           // IPv6 special-purpose registry
           "::",
           "::1",
           "::ffff:127.0.0.1",
           "::ffff:10.0.0.1",
           "::ffff:0:7f00:1",
           "::7f00:1",
           "::8.8.8.8",
           "64:ff9b:1::1",
           "64:ff9b:1:ffff:ffff:ffff:ffff:ffff",
           "100::",
           "100::ffff:ffff:ffff:ffff",
           "2001::",
           "2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff",
           "2001:2::1",
           "2001:db8::",
           "2001:db8:ffff::1",
           "3fff::1",
           "3fff:fff:ffff::1",
           "5f00::1",
           "fc00::",
           "fdff:ffff::1",
           "fe80::1",
           "febf:ffff::1",
           "fec0::1",
           "feff:ffff::1",
           "ff02::1",
           "ff0e::1",
           // IPv4 embedded in NAT64, 6to4 and Teredo forms
           "64:ff9b::7f00:1",
           "64:ff9b::a9fe:a9fe",
           "64:ff9b::10.1.2.3",
           "2002:7f00:1::",
           "2002:a00:1::1",
           "2002:c0a8:101::1",
           "2001:0:7f00:1::1",
           "2001:0:808:808:0:0:f5f5:f5f5",  // client 10.10.10.10
           // not in 2000::/3, the only global unicast space
           "4000::1",
           "8000::1",
           "e000::1",
       }) {
    INFO(text);
    CHECK(is_private_address_text(text));
  }
}

TEST_CASE("deny-private: globally routable addresses are allowed", "[poller]") {
  for (const char* text :
       {"8.8.8.8",         "1.1.1.1",
        "172.32.0.1",      "172.15.255.255",
        "192.169.0.1",     "100.128.0.1",
        "100.63.255.255",  "192.0.1.1",
        "192.0.3.0",       "198.17.255.255",
        "198.20.0.0",      "223.255.255.254",
        "192.31.196.1",    "2001:4860:4860::8888",
        "::ffff:8.8.8.8",  "2a00:1450::1",
        "2001:200::1",     "64:ff9b::808:808",
        "2002:808:808::1", "2001:0:808:808:0:0:f7f7:f7f7"}) {  // Teredo, server and client 8.8.8.8
    INFO(text);
    CHECK_FALSE(is_private_address_text(text));
  }
  CHECK_FALSE(is_private_address_text("example.com"));
}

TEST_CASE("deny-private: the host's own addresses are refused, others are not", "[poller]") {
  CHECK(pebble::http::is_own_address(pebble::http::Ipv4Address{127, 0, 0, 1}));  // lo is always up
  CHECK_FALSE(pebble::http::is_own_address(pebble::http::Ipv4Address{192, 0, 2, 77}));
}
