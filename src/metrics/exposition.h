#pragma once
// The metrics `serve` and `metrics-show` expose, computed from the store (SPEC §7, §8, §10), and
// the body a batch command pushes to the Pushgateway.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <prometheus/metric_family.h>

#include "config/config.h"
#include "metrics/series_budget.h"
#include "store/job_store.h"
#include "store/metric_store.h"
#include "store/roles.h"
#include "store/transaction_store.h"
#include "support/clock.h"
#include "support/time.h"

namespace pebble::metrics {

// The store roles the exposition reads: metric tables and stats, job runs, in one read transaction.
struct ExpositionStores {
  // The roles of one object (the whole Store, or a fake of just these); implicit, so callers pass it as is.
  template <typename Roles>
  requires store::implements_roles<Roles, store::MetricStore, store::JobRunStore, store::TransactionStore>
  ExpositionStores(Roles& store) : metrics(store), job_runs(store), transactions(store) {}

  store::MetricStore& metrics;
  store::JobRunStore& job_runs;
  store::TransactionStore& transactions;
};

// What one pass of store queries read; serve caches it between scrapes.
struct StoreSnapshot {
  bool up = false;           // every query succeeded
  double query_seconds = 0;  // wall time of the pass
  std::vector<store::CounterValue> counters;
  std::vector<store::HistogramValue> histograms;
  std::vector<store::JobRunSummary> job_runs;
  std::optional<store::StoreStats> stats;  // absent when no store-derived family is enabled
};

// Reads everything the exposition needs in one read transaction. Never throws: a failing store
// gives up = false and nothing else.
StoreSnapshot read_store_snapshot(ExpositionStores stores, const config::MetricsSettings& settings,
                                  support::Timestamp now);

// Every enabled catalogue family in catalogue order (empty ones included), filled from the
// snapshot and the process, plus `extra` (serve's HTTP families) merged in by name. Series read
// from the store count against `budget`; those over it are left out and counted in
// pebble_metrics_dropped_series_total{command="exposition"}.
std::vector<prometheus::MetricFamily> build_exposition(
    const StoreSnapshot& snapshot, const config::MetricsSettings& settings,
    const std::vector<prometheus::MetricFamily>& extra = {}, SeriesBudget& budget = process_series_budget());

// read_store_snapshot (at clock.now()) + build_exposition + render_text. nullopt when metrics are
// disabled (PROMETHEUS_METRICS_ENABLED=false): callers answer 404 "metrics disabled".
std::optional<std::string> render_metrics(ExpositionStores stores, const config::MetricsSettings& settings,
                                          const support::Clock& clock,
                                          const std::vector<prometheus::MetricFamily>& extra = {});

// The text a batch command pushes: the families it records with their cumulative values for this
// command only, the pebble_job_* gauges of its latest run and the push-failure counter, all WITHOUT
// a `command` label (the grouping key carries it). nullopt when metrics are disabled. Throws
// StoreError when the store cannot be read. `clock` dates the store statistics.
std::optional<std::string> render_push_body(ExpositionStores stores, const config::MetricsSettings& settings,
                                            std::string_view command, const support::Clock& clock);

}  // namespace pebble::metrics
