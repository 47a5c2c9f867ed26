#pragma once
// UTC timestamps with microsecond precision and their ISO-8601 text form.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pebble::support {

// A point in time: microseconds since the Unix epoch, UTC.
struct Timestamp {
  std::int64_t micros = 0;
  auto operator<=>(const Timestamp&) const = default;

  // Whole seconds since the epoch (floor).
  std::int64_t seconds() const;
  static Timestamp from_seconds(std::int64_t seconds) { return Timestamp{seconds * 1000000}; }
};

// The current wall-clock time.
Timestamp now_utc();

// `2025-06-28T21:34:00.123456Z`: fixed width, sortable, the SQLite storage form of SPEC §2.
std::string format_iso_micros(Timestamp t);

// `2025-06-28T21:34:00Z`: RFC 3339 UTC to the second, for JSON output.
std::string format_rfc3339(Timestamp t);

// `Sat, 28 Jun 2025 21:34:00 GMT`: RFC 822/1123 in UTC with English names (OPML, HTTP dates).
std::string format_rfc822(Timestamp t);

// Parses ISO-8601 / RFC 3339: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.frac]]` with `Z`, `±HH:MM`,
// `±HHMM` or no zone (taken as UTC); a space may replace `T`. Returns nullopt for anything else.
// The strict mode of dates.h's parse_iso8601, which is where it is implemented.
std::optional<Timestamp> parse_iso8601(std::string_view text);

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day);

}  // namespace pebble::support
