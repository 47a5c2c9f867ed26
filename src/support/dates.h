#pragma once
// Dates as feeds and OPML files write them: RFC 822/1123 with its real-world variants, RFC 3339 / ISO 8601 /
// W3CDTF, and the common malformed forms.
#include <optional>
#include <string_view>

#include "support/time.h"

namespace pebble::support {

// How much of ISO 8601 parse_iso8601 accepts.
enum class Iso8601Mode {
  // CLI values and stored timestamps: `YYYY-MM-DD`, then optionally `T` (or `t`, or a space) and
  // `HH:MM[:SS[.frac]]` with two-digit fields, then `Z`, `±HH:MM`, `±HHMM`, `±HH` or no zone (UTC).
  strict,
  // Feed dates (RFC 3339, W3CDTF and their real-world variants): also `YYYY` and `YYYY-MM`,
  // `YYYY/MM/DD`, single-digit clock fields, spaces before the clock and the zone, offsets like
  // `+530` or `-5`, and zone names (`UTC`, `EST`, military letters); dates must exist, years 1-9999.
  lenient,
};

// The instant the ISO-8601 `text` names under `mode`, or nullopt; the one ISO-8601 parser.
std::optional<Timestamp> parse_iso8601(std::string_view text, Iso8601Mode mode);

// The instant `text` names, or nullopt when it cannot be read as a date; never throws.
std::optional<Timestamp> parse_feed_date(std::string_view text);

}  // namespace pebble::support
