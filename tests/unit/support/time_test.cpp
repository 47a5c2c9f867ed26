#include "support/time.h"

#include <catch2/catch.hpp>

using pebble::support::format_iso_micros;
using pebble::support::format_rfc3339;
using pebble::support::parse_iso8601;
using pebble::support::Timestamp;

TEST_CASE("ISO timestamps format with microseconds and a Z suffix", "[time]") {
  CHECK(format_iso_micros(Timestamp{0}) == "1970-01-01T00:00:00.000000Z");
  CHECK(format_iso_micros(Timestamp{1751146440123456}) == "2025-06-28T21:34:00.123456Z");
  CHECK(format_rfc3339(Timestamp{1751146440123456}) == "2025-06-28T21:34:00Z");
  CHECK(format_iso_micros(Timestamp{-1}) == "1969-12-31T23:59:59.999999Z");
}

TEST_CASE("ISO-8601 parsing accepts dates, zones and fractions", "[time]") {
  CHECK(parse_iso8601("2025-06-28T21:34:00.123456Z")->micros == 1751146440123456);
  CHECK(parse_iso8601("2025-06-28")->micros == 1751068800000000);
  CHECK(parse_iso8601("2025-06-28T23:34:00+02:00")->micros == 1751146440000000);
  CHECK(parse_iso8601("2025-06-28T21:34:00-0000")->micros == 1751146440000000);
  CHECK(parse_iso8601("2025-06-28 21:34")->micros == 1751146440000000);
  CHECK(parse_iso8601("2025-06-28 21:34:00.123456+00")->micros == 1751146440123456);
  CHECK(parse_iso8601("2025-06-28T21:34:00.5Z")->micros == 1751146440500000);
}

TEST_CASE("ISO-8601 parsing rejects garbage", "[time]") {
  CHECK_FALSE(parse_iso8601(""));
  CHECK_FALSE(parse_iso8601("yesterday"));
  CHECK_FALSE(parse_iso8601("2025-13-01"));
  CHECK_FALSE(parse_iso8601("2025-06-28T25:00:00Z"));
  CHECK_FALSE(parse_iso8601("2025-06-28T21:34:00Zjunk"));
}

TEST_CASE("Formatting and parsing round-trip to the microsecond", "[time]") {
  for (const std::int64_t micros : {0LL, 1LL, 999999LL, 1751146440123456LL, 4102444799999999LL}) {
    CHECK(parse_iso8601(format_iso_micros(Timestamp{micros}))->micros == micros);
  }
}
