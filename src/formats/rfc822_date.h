#pragma once
// RFC 822 dates as OPML writes them ("Sat, 28 Jun 2025 21:34:00 GMT").
// Kept in formats/ rather than support/time.h so this branch touches no shared header; the feed
// parser may move it to support/ when it needs the same thing.
#include <optional>
#include <string>
#include <string_view>

#include "support/time.h"

namespace pebble {

// `%a, %d %b %Y %H:%M:%S GMT` of `t` in UTC, English names.
std::string format_rfc822(Timestamp t);

// Parses `[Day, ]D Mon YYYY HH:MM[:SS] zone` (zone: GMT/UT/UTC/Z, US zones, ±HHMM; two-digit
// years are 19xx/20xx); nullopt when it is not such a date.
std::optional<Timestamp> parse_rfc822(std::string_view text);

}  // namespace pebble
