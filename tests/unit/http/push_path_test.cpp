#include <catch2/catch.hpp>

#include "http/push_client.h"
#include "support/error.h"

using pebble::http::grouping_path;

TEST_CASE("grouping paths percent-encode values and use @base64 for '/' and empty values", "[http]") {
  CHECK(grouping_path({{"job", "pebble"}, {"command", "poll-feeds"}}) ==
        "/metrics/job/pebble/command/poll-feeds");
  CHECK(grouping_path({{"job", "pebble"}, {"command", "a b?c%"}}) ==
        "/metrics/job/pebble/command/a%20b%3Fc%25");
  CHECK(grouping_path({{"job", "pebble"}, {"command", "x/y"}}) == "/metrics/job/pebble/command@base64/eC95");
  CHECK(grouping_path({{"job", "a/b"}}) == "/metrics/job@base64/YS9i");
  CHECK(grouping_path({{"job", "pebble"}, {"instance", ""}}) == "/metrics/job/pebble/instance@base64/=");
  CHECK(grouping_path({{"job", "pebble"}, {"path", "/\xfb\xff"}}) == "/metrics/job/pebble/path@base64/L_v_");
  CHECK(grouping_path({{"job", "caf\xc3\xa9"}}) == "/metrics/job/caf%C3%A9");
}

TEST_CASE("grouping keys must start with job and use valid label names", "[http]") {
  CHECK_THROWS_AS(grouping_path({}), pebble::support::Error);
  CHECK_THROWS_AS(grouping_path({{"command", "x"}}), pebble::support::Error);
  CHECK_THROWS_WITH(grouping_path({{"job", "x"}, {"bad-name", "y"}}), Catch::Contains("bad-name"));
  CHECK_THROWS_AS(grouping_path({{"job", "x"}, {"9lives", "y"}}), pebble::support::Error);
}
