// Poll scheduling math (SPEC §6): interval raised by max-age and <ttl>, capped at 24 h; backoff;
// Retry-After as seconds or an HTTP date.
#include "poll/poll_schedule.h"

#include <catch2/catch.hpp>

using namespace std::chrono_literals;

TEST_CASE("Cache-Control max-age is read among other directives", "[poller]") {
  CHECK(pebble::poll::cache_control_max_age("max-age=3600") == 3600s);
  CHECK(pebble::poll::cache_control_max_age("public, MAX-AGE = 7200 , must-revalidate") == 7200s);
  CHECK(pebble::poll::cache_control_max_age("s-maxage=10, max-age=\"60\"") == 60s);
  CHECK_FALSE(pebble::poll::cache_control_max_age("no-cache").has_value());
  CHECK_FALSE(pebble::poll::cache_control_max_age("max-age=soon").has_value());
  CHECK_FALSE(pebble::poll::cache_control_max_age("max-age=-5").has_value());
  CHECK_FALSE(pebble::poll::cache_control_max_age("").has_value());
}

TEST_CASE("the poll interval is raised, never lowered, and capped at 24 hours", "[poller]") {
  CHECK(pebble::poll::poll_interval(1800s, std::nullopt, std::nullopt) == 1800s);
  CHECK(pebble::poll::poll_interval(1800s, 60s, std::nullopt) == 1800s);
  CHECK(pebble::poll::poll_interval(1800s, 7200s, std::nullopt) == 7200s);
  CHECK(pebble::poll::poll_interval(1800s, std::nullopt, 5) == 1800s);
  CHECK(pebble::poll::poll_interval(1800s, std::nullopt, 120) == 7200s);
  CHECK(pebble::poll::poll_interval(1800s, 3600s, 180) == 10800s);
  CHECK(pebble::poll::poll_interval(1800s, 999999999s, std::nullopt) == 86400s);
  CHECK(pebble::poll::poll_interval(1800s, std::nullopt, 100000) == 86400s);
  CHECK(pebble::poll::poll_interval(1800s, std::nullopt, -3) == 1800s);
}

TEST_CASE("failures back off exponentially up to 24 hours", "[poller]") {
  CHECK(pebble::poll::backoff_delay(1800s, 0) == 1800s);
  CHECK(pebble::poll::backoff_delay(1800s, 1) == 3600s);
  CHECK(pebble::poll::backoff_delay(1800s, 3) == 14400s);
  CHECK(pebble::poll::backoff_delay(1800s, 6) == 86400s);
  CHECK(pebble::poll::backoff_delay(1800s, 1000) == 86400s);
  CHECK(pebble::poll::backoff_delay(60s, 4) == 960s);
}

TEST_CASE("Retry-After takes seconds or an HTTP date", "[poller]") {
  const pebble::support::Timestamp now = pebble::support::Timestamp::from_seconds(1'700'000'000);
  CHECK(pebble::poll::retry_after_time("120", now) ==
        pebble::support::Timestamp::from_seconds(1'700'000'120));
  CHECK(pebble::poll::retry_after_time(" 0 ", now) == now);
  CHECK(pebble::poll::retry_after_time("Wed, 21 Oct 2015 07:28:00 GMT", now) ==
        pebble::support::Timestamp::from_seconds(1'445'412'480));
  CHECK_FALSE(pebble::poll::retry_after_time("later, please", now).has_value());
  CHECK_FALSE(pebble::poll::retry_after_time("", now).has_value());
}
