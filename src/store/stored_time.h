#pragma once
// Timestamps as the store keeps them. Both backends write ISO text that parse_iso8601 reads back
// only for the years 0001–9999, so every timestamp written is clamped to that range: a server's
// `Retry-After: 260000000000` or an Atom date of 9999-12-31T23:59:59-14:00 must not write a row
// that no later run can read. Rows written before the clamp may still hold such values; reading
// them through read_tolerantly keeps them one feed's problem instead of the whole run's.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

#include "support/error.h"
#include "support/time.h"

namespace pebble::store {

// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z in microseconds since the epoch.
inline constexpr std::int64_t kFirstStoredMicros = -62'135'596'800LL * 1'000'000;
inline constexpr std::int64_t kLastStoredMicros = 253'402'300'800LL * 1'000'000 - 1;

// `value` moved into the range the store can read back.
inline support::Timestamp clamp_to_stored_range(support::Timestamp value) {
  return support::Timestamp{std::clamp(value.micros, kFirstStoredMicros, kLastStoredMicros)};
}

// `read()` (an optional timestamp column), or nullopt when the stored text is not a readable
// timestamp; the reason is kept in `unreadable` (the first one wins) for the caller to report.
template <class Read>
std::optional<support::Timestamp> read_tolerantly(Read&& read, std::optional<std::string>& unreadable) {
  try {
    return read();
  } catch (const support::StoreError& error) {
    if (!unreadable) unreadable = error.what();
    return std::nullopt;
  }
}

}  // namespace pebble::store
