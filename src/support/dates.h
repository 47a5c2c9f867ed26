#pragma once
// Dates as feeds and OPML files write them: RFC 822/1123 with its real-world variants, RFC 3339 / ISO 8601 /
// W3CDTF, and the common malformed forms.
#include <optional>
#include <string_view>

#include "support/time.h"

namespace pebble {

// The instant `text` names, or nullopt when it cannot be read as a date; never throws.
std::optional<Timestamp> parse_feed_date(std::string_view text);

}  // namespace pebble
