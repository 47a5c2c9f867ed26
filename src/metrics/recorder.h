#pragma once
// MetricsRecorder: how batch commands record counters and histograms. Increments accumulate in
// memory and are written by flush() into the caller's open transaction, so each metric delta
// commits (or rolls back) with the data it describes (SPEC §8). Not thread-safe: one per worker.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config/config.h"
#include "metrics/catalogue.h"
#include "metrics/labels.h"
#include "metrics/series_budget.h"
#include "store/metric_store.h"
#include "store/roles.h"
#include "store/transaction_store.h"

namespace pebble::metrics {

// The store roles a flush writes through: the metric tables, inside the caller's transaction.
struct RecorderStores {
  // Both roles of one object (the whole Store, or a fake of just these); implicit, so callers pass it as is.
  template <typename Roles>
  requires store::implements_roles<Roles, store::MetricStore, store::TransactionStore> RecorderStores(
      Roles& store)
      : metrics(store), transactions(store) {}
  // Roles taken from a consumer's own struct of roles.
  RecorderStores(store::MetricStore& metric_tables, store::TransactionStore& transaction_control)
      : metrics(metric_tables), transactions(transaction_control) {}

  store::MetricStore& metrics;
  store::TransactionStore& transactions;
};

// Accumulates metric deltas of one command and writes them to the store.
class MetricsRecorder {
 public:
  // `command` is the recording command ("poll-feeds", "import", "export", "test-metrics").
  MetricsRecorder(std::string command, config::MetricsSettings settings,
                  SeriesBudget& budget = process_series_budget());

  // Adds `value` (>= 0) to a recorded counter. A disabled family makes this a no-op; a misuse
  // (wrong label names, a non-counter family, a negative value) is logged and ignored.
  void increment(const FamilyDef& family, const LabelPairs& labels = {}, double value = 1);

  // Observes one duration in a recorded histogram; disabled families and misuse as above.
  void observe(const FamilyDef& family, const LabelPairs& labels, double seconds);

  // Writes the pending deltas inside a savepoint of the caller's open transaction and clears them.
  // Never throws: a failure is undone to the savepoint, warned about once per process and the
  // deltas are dropped. Returns false when the write failed.
  bool flush(RecorderStores stores);

  // flush() in a transaction of its own, for metrics recorded after the data is committed (a
  // failed push, for example). Never throws.
  bool flush_in_own_transaction(RecorderStores stores);

  // Whether nothing is waiting to be written.
  bool empty() const { return counters_.empty() && histograms_.empty(); }

  // The recording command.
  const std::string& command() const { return command_; }

 private:
  // One pending histogram series: cumulative per-bucket counts (+Inf last), sum and count.
  struct PendingHistogram {
    std::vector<std::uint64_t> bucket_counts;
    double sum = 0;
    std::uint64_t count = 0;
  };
  using SeriesKey = std::pair<const FamilyDef*, std::string>;

  // The canonical labels when the family may be recorded with this kind, else nullopt (logged).
  std::optional<std::string> series_labels(const FamilyDef& family, const LabelPairs& labels,
                                           MetricKind kind);
  // Applies the cardinality guard to the pending deltas and returns what may be written.
  std::pair<std::vector<store::CounterDelta>, std::vector<store::HistogramDelta>> admitted_deltas();

  std::string command_;
  config::MetricsSettings settings_;
  SeriesBudget& budget_;
  std::map<SeriesKey, double> counters_;
  std::map<SeriesKey, PendingHistogram> histograms_;
};

}  // namespace pebble::metrics
