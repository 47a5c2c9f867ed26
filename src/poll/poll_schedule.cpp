#include "poll/poll_schedule.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "support/ascii_text.h"
#include "support/dates.h"

namespace pebble::poll {

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

// Digits only, saturating instead of overflowing (a server may send absurd values).
std::optional<std::int64_t> parse_count(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::int64_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = std::min<std::int64_t>(value * 10 + (c - '0'), std::int64_t{1} << 40);
  }
  return value;
}

}  // namespace

std::optional<std::chrono::seconds> cache_control_max_age(std::string_view header) {
  while (!header.empty()) {
    const auto comma = header.find(',');
    std::string_view directive = trim(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    const auto equals = directive.find('=');
    if (equals == std::string_view::npos) continue;
    if (!support::equals_ignoring_ascii_case(trim(directive.substr(0, equals)), "max-age")) continue;
    std::string_view value = trim(directive.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    if (const auto seconds = parse_count(value)) return std::chrono::seconds(*seconds);
    return std::nullopt;
  }
  return std::nullopt;
}

std::chrono::seconds poll_interval(std::chrono::seconds base, std::optional<std::chrono::seconds> max_age,
                                   std::optional<int> ttl_minutes) {
  std::chrono::seconds interval = base;
  if (max_age) interval = std::max(interval, *max_age);
  if (ttl_minutes && *ttl_minutes > 0) {
    interval = std::max(interval, std::chrono::seconds(std::int64_t{*ttl_minutes} * 60));
  }
  return std::min(interval, kMaxPollInterval);
}

std::chrono::seconds backoff_delay(std::chrono::seconds interval, int failures) {
  std::chrono::seconds delay = std::min(interval, kMaxPollInterval);
  for (int i = 0; i < failures && delay < kMaxPollInterval; ++i) delay *= 2;
  return std::min(delay, kMaxPollInterval);
}

std::optional<support::Timestamp> retry_after_time(std::string_view value, support::Timestamp now) {
  // Capped like every other delay: a server asking for years (or a date far ahead) is polled
  // again after kMaxPollInterval, and the stored next_poll_at stays a date a later run can read.
  const support::Timestamp latest = add_seconds(now, kMaxPollInterval);
  value = trim(value);
  if (const auto seconds = parse_count(value)) {
    return std::min(latest, add_seconds(now, std::min(std::chrono::seconds(*seconds), kMaxPollInterval)));
  }
  const auto date = support::parse_feed_date(value);
  if (!date) return std::nullopt;
  return std::min(latest, *date);
}

support::Timestamp add_seconds(support::Timestamp now, std::chrono::seconds delay) {
  return support::Timestamp{now.micros + static_cast<std::int64_t>(delay.count()) * 1'000'000};
}

}  // namespace pebble::poll
