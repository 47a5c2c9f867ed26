#pragma once
// The MAX_METRICS_PER_MINUTE cardinality guard (SPEC §8) and the warn-once flags that go with it.
// One instance lives per process (process_series_budget); tests make their own.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_set>

namespace pebble::metrics {

// Counts the distinct series written or exposed in the current minute. Thread-safe.
class SeriesBudget {
 public:
  using Clock = std::chrono::steady_clock;

  // Whether `series_key` may be written now: yes when it was already admitted this minute or fewer
  // than `max_per_minute` distinct series were. A limit of 0 or less disables the guard.
  bool admit(const std::string& series_key, std::int64_t max_per_minute, Clock::time_point now);

  // Adds series left out of an exposition and returns the running total, for the drop counter.
  std::uint64_t add_exposure_drops(std::uint64_t dropped);

  // True exactly once per instance: the first time series were dropped (to warn once).
  bool first_drop();

  // True exactly once per instance: the first time a metrics write failed (to warn once).
  bool first_failure();

 private:
  std::mutex mutex_;
  bool window_open_ = false;
  Clock::time_point window_start_;
  std::unordered_set<std::string> admitted_;
  std::uint64_t exposure_drops_ = 0;
  bool dropped_before_ = false;
  bool failed_before_ = false;
};

// The budget shared by everything in this process.
SeriesBudget& process_series_budget();

}  // namespace pebble::metrics
