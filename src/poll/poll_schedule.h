#pragma once
// When a feed is polled next (SPEC §6): the interval raised by Cache-Control max-age and RSS <ttl>,
// exponential backoff after failures, and Retry-After. Pure functions, unit-tested.
#include <chrono>
#include <optional>
#include <string_view>

#include "support/time.h"

namespace pebble::poll {

// No feed waits longer than this between polls, whatever the server or the failures say.
inline constexpr std::chrono::seconds kMaxPollInterval{24 * 60 * 60};

// The max-age of a Cache-Control header value, or nullopt when absent or malformed.
std::optional<std::chrono::seconds> cache_control_max_age(std::string_view header);

// The base interval raised (never lowered) by max-age and <ttl>, capped at kMaxPollInterval.
std::chrono::seconds poll_interval(std::chrono::seconds base, std::optional<std::chrono::seconds> max_age,
                                   std::optional<int> ttl_minutes);

// interval × 2^failures, capped at kMaxPollInterval (failures = consecutive failures so far).
std::chrono::seconds backoff_delay(std::chrono::seconds interval, int failures);

// The instant a Retry-After value (delta-seconds or an HTTP date) names, at most kMaxPollInterval
// after `now`; nullopt when unreadable.
std::optional<support::Timestamp> retry_after_time(std::string_view value, support::Timestamp now);

// `now` plus a duration.
support::Timestamp add_seconds(support::Timestamp now, std::chrono::seconds delay);

}  // namespace pebble::poll
