// The one ISO-8601 parser in its two modes: what only the lenient (feed) mode accepts.
#include <string>

#include <catch2/catch.hpp>

#include "support/dates.h"

namespace {

std::string parsed(std::string_view text, pebble::support::Iso8601Mode mode) {
  const auto value = pebble::support::parse_iso8601(text, mode);
  return value ? pebble::support::format_iso_micros(*value) : "null";
}

}  // namespace

TEST_CASE("both modes read RFC 3339", "[time]") {
  for (const auto mode : {pebble::support::Iso8601Mode::strict, pebble::support::Iso8601Mode::lenient}) {
    CHECK(parsed("2025-06-28T21:34:00.5+02:00", mode) == "2025-06-28T19:34:00.500000Z");
    CHECK(parsed("2025-06-28 21:34Z", mode) == "2025-06-28T21:34:00.000000Z");
    CHECK(parsed("2025-06-28", mode) == "2025-06-28T00:00:00.000000Z");
    CHECK(parsed("2025-06-28T21:34:00+0130", mode) == "2025-06-28T20:04:00.000000Z");
    CHECK(parsed("2025-13-01", mode) == "null");
  }
}

TEST_CASE("only the lenient mode reads the forms feeds use", "[time]") {
  using pebble::support::Iso8601Mode;
  const std::pair<std::string_view, std::string_view> lenient_only[] = {
      {"2025", "2025-01-01T00:00:00.000000Z"},
      {"2025-06", "2025-06-01T00:00:00.000000Z"},
      {"2025/06/28", "2025-06-28T00:00:00.000000Z"},
      {"2025-06-28T9:05", "2025-06-28T09:05:00.000000Z"},
      {"2025-06-28 21:34:00 UTC", "2025-06-28T21:34:00.000000Z"},
      {"2025-06-28T21:34:00 EST", "2025-06-29T02:34:00.000000Z"},
      {"2025-06-28T21:34:00+530", "2025-06-28T16:04:00.000000Z"},
  };
  for (const auto& [text, expected] : lenient_only) {
    CHECK(parsed(text, Iso8601Mode::lenient) == expected);
    CHECK(parsed(text, Iso8601Mode::strict) == "null");
  }
  // Dates that do not exist: the strict mode rolls day 31 over as it always did.
  CHECK(parsed("2025-02-31", Iso8601Mode::lenient) == "null");
  CHECK(parsed("2025-02-31", Iso8601Mode::strict) == "2025-03-03T00:00:00.000000Z");
}
