#include "metrics/series_budget.h"

namespace pebble::metrics {

bool SeriesBudget::admit(const std::string& series_key, std::int64_t max_per_minute, Clock::time_point now) {
  if (max_per_minute <= 0) return true;
  std::lock_guard lock(mutex_);
  // Fixed one-minute windows: a long-running serve gets a fresh allowance every minute.
  if (!window_open_ || now - window_start_ >= std::chrono::minutes(1)) {
    window_open_ = true;
    window_start_ = now;
    admitted_.clear();
  }
  if (admitted_.contains(series_key)) return true;
  if (static_cast<std::int64_t>(admitted_.size()) >= max_per_minute) return false;
  admitted_.insert(series_key);
  return true;
}

std::uint64_t SeriesBudget::add_exposure_drops(std::uint64_t dropped) {
  std::lock_guard lock(mutex_);
  exposure_drops_ += dropped;
  return exposure_drops_;
}

bool SeriesBudget::first_drop() {
  std::lock_guard lock(mutex_);
  bool first = !dropped_before_;
  dropped_before_ = true;
  return first;
}

bool SeriesBudget::first_failure() {
  std::lock_guard lock(mutex_);
  bool first = !failed_before_;
  failed_before_ = true;
  return first;
}

SeriesBudget& process_series_budget() {
  static SeriesBudget budget;
  return budget;
}

}  // namespace pebble::metrics
