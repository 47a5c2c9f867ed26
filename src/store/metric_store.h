#pragma once
// The metrics role of the store (SPEC §8): cumulative counters and histograms, and the row counts
// behind the store-derived gauges. Standard library only.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "support/time.h"

namespace pebble::store {

// A cumulative counter increment for one series.
struct CounterDelta {
  std::string command;  // the recording command, e.g. "poll-feeds"
  std::string family;   // metric family name
  std::string labels;   // canonical label text from the metrics layer, opaque to the store
  double value = 0;
};

// A cumulative histogram increment for one series: per-bucket increments keyed by the `le` text.
struct HistogramDelta {
  std::string command;
  std::string family;
  std::string labels;
  std::vector<std::pair<std::string, std::uint64_t>> buckets;  // le ("0.5", "+Inf") → added count
  double sum = 0;
  std::uint64_t count = 0;
};

// A counter series as stored.
struct CounterValue {
  std::string command;
  std::string family;
  std::string labels;
  double value = 0;
};

// A histogram series as stored; buckets hold cumulative counts per `le`, in no particular order.
struct HistogramValue {
  std::string command;
  std::string family;
  std::string labels;
  std::vector<std::pair<std::string, std::uint64_t>> buckets;
  double sum = 0;
  std::uint64_t count = 0;
};

// Row counts for the store-derived gauges of `serve` and `metrics-show` (SPEC §8).
struct StoreStats {
  std::int64_t users = 0;
  std::int64_t bookmarks = 0;
  std::int64_t tags = 0;
  std::int64_t feed_items = 0;
  std::int64_t feeds_active = 0;   // enabled and consecutive_failures == 0
  std::int64_t feeds_failing = 0;  // enabled and consecutive_failures > 0
  std::int64_t feeds_disabled = 0;
  std::int64_t feeds_due = 0;  // enabled and (next_poll_at <= now or never polled)
  std::map<std::string, std::int64_t> import_jobs_by_status;
  std::map<std::string, std::int64_t> bookmarks_by_user;  // username → count
};

// Metric tables and stats; every method throws StoreError on failure.
class MetricStore {
 public:
  virtual ~MetricStore() = default;

  // Metrics: atomic cumulative increments (concurrent writers add, never overwrite) and reads.
  virtual void add_counters(const std::vector<CounterDelta>& deltas) = 0;
  virtual void add_histograms(const std::vector<HistogramDelta>& deltas) = 0;
  virtual std::vector<CounterValue> read_counters() = 0;
  virtual std::vector<HistogramValue> read_histograms() = 0;

  // Counts for the store-derived gauges.
  virtual StoreStats gather_stats(support::Timestamp now) = 0;
};

}  // namespace pebble::store
