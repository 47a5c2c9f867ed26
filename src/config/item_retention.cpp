#include "config/item_retention.h"

#include <charconv>
#include <cstdint>
#include <string>

#include "support/error.h"

namespace pebble::config {

namespace {

// The largest count or age accepted: far beyond any use, and far from overflowing microseconds.
constexpr std::int64_t kMaxValue = 1'000'000'000;

std::int64_t seconds_per(char unit) {
  switch (unit) {
    case 'h':
      return 3600;
    case 'd':
      return 86400;
    case 'w':
      return 7 * 86400;
    default:
      return 0;
  }
}

}  // namespace

domain::ItemRetention parse_item_retention(std::string_view text, std::string_view source) {
  const auto reject = [&]() -> domain::ItemRetention {
    throw support::UsageError(std::string(source) + ": invalid value '" + std::string(text) +
                              "' (expected a count, an age such as 90d, or both: 500,90d)");
  };
  domain::ItemRetention retention;
  std::string_view rest = text;
  while (true) {
    const std::size_t comma = rest.find(',');
    const std::string_view term = rest.substr(0, comma);
    std::int64_t number = 0;
    const auto [end, error] = std::from_chars(term.data(), term.data() + term.size(), number);
    if (error != std::errc() || number < 1 || number > kMaxValue) return reject();
    const std::string_view unit = term.substr(static_cast<std::size_t>(end - term.data()));
    if (unit.empty()) {
      if (retention.keep_newest) return reject();
      retention.keep_newest = number;
    } else {
      if (unit.size() != 1 || seconds_per(unit[0]) == 0 || retention.max_age_seconds) return reject();
      retention.max_age_seconds = number * seconds_per(unit[0]);
    }
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return retention;
}

}  // namespace pebble::config
