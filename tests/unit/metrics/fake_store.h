#pragma once
// An in-memory store of the roles the metrics code uses: metric tables and stats, job runs, and
// transactions (savepoints and rollbacks restore the metric tables).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "store/job_store.h"
#include "store/metric_store.h"
#include "store/transaction_store.h"
#include "support/error.h"

namespace pebble::test {

// The fake; `fail_metric_writes` makes add_counters/add_histograms throw after writing a part.
class FakeStore : public store::MetricStore, public store::JobRunStore, public store::TransactionStore {
 public:
  using Key = std::tuple<std::string, std::string, std::string>;
  // The metric tables: what a snapshot saves and a rollback restores.
  struct Tables {
    std::map<Key, double> counters;
    std::map<Key, store::HistogramValue> histograms;
  };

  bool fail_metric_writes = false;
  bool fail_reads = false;
  store::StoreStats stats;
  std::optional<support::Timestamp> stats_asked_at;  // the `now` of the latest gather_stats
  std::vector<store::JobRunSummary> job_runs;
  Tables tables;
  std::vector<std::string> savepoint_log;  // "savepoint x", "release x", "rollback x"

  std::string backend() const override { return "fake"; }
  void begin(store::TxMode) override {
    if (in_transaction_) throw support::StoreError("fake store: nested begin");
    in_transaction_ = true;
    transaction_start_ = tables;
  }
  void commit() override { in_transaction_ = false; }
  void rollback() override {
    in_transaction_ = false;
    tables = transaction_start_;
  }
  void ping() override {}
  bool in_transaction() const { return in_transaction_; }

  void savepoint(const std::string& name) override {
    savepoint_log.push_back("savepoint " + name);
    savepoints_[name] = tables;
  }
  void release_savepoint(const std::string& name) override {
    savepoint_log.push_back("release " + name);
    savepoints_.erase(name);
  }
  void rollback_to_savepoint(const std::string& name) override {
    savepoint_log.push_back("rollback " + name);
    tables = savepoints_.at(name);
  }

  void add_counters(const std::vector<store::CounterDelta>& deltas) override {
    for (const store::CounterDelta& delta : deltas) {
      tables.counters[Key(delta.command, delta.family, delta.labels)] += delta.value;
      if (fail_metric_writes) throw support::StoreError("fake store: metric_counters is missing");
    }
  }
  void add_histograms(const std::vector<store::HistogramDelta>& deltas) override {
    for (const store::HistogramDelta& delta : deltas) {
      if (fail_metric_writes) throw support::StoreError("fake store: metric_histograms is missing");
      store::HistogramValue& value = tables.histograms[Key(delta.command, delta.family, delta.labels)];
      value.command = delta.command;
      value.family = delta.family;
      value.labels = delta.labels;
      value.sum += delta.sum;
      value.count += delta.count;
      for (const auto& [le, count] : delta.buckets) {
        bool found = false;
        for (auto& bucket : value.buckets) {
          if (bucket.first == le) {
            bucket.second += count;
            found = true;
          }
        }
        if (!found) value.buckets.emplace_back(le, count);
      }
    }
  }
  std::vector<store::CounterValue> read_counters() override {
    if (fail_reads) throw support::StoreError("fake store: connection lost");
    std::vector<store::CounterValue> values;
    for (const auto& [key, value] : tables.counters) {
      values.push_back(store::CounterValue{std::get<0>(key), std::get<1>(key), std::get<2>(key), value});
    }
    return values;
  }
  std::vector<store::HistogramValue> read_histograms() override {
    if (fail_reads) throw support::StoreError("fake store: connection lost");
    std::vector<store::HistogramValue> values;
    for (const auto& entry : tables.histograms) values.push_back(entry.second);
    return values;
  }
  std::vector<store::JobRunSummary> latest_job_runs() override { return job_runs; }
  store::StoreStats gather_stats(support::Timestamp now) override {
    stats_asked_at = now;
    return stats;
  }
  // Keeps one summary per command, as latest_job_runs reports them.
  void record_job_run(domain::JobRun& run) override {
    run.id = ++job_run_ids_;
    for (store::JobRunSummary& summary : job_runs) {
      if (summary.last_run.command != run.command) continue;
      summary.last_run = run;
      if (run.status == "ok") summary.last_success_at = run.finished_at;
      return;
    }
    job_runs.push_back({run, run.status == "ok" ? run.finished_at : std::nullopt});
  }

  // The counter value of one series, 0 when absent.
  double counter(const std::string& command, const std::string& family, const std::string& labels) const {
    auto found = tables.counters.find(Key(command, family, labels));
    return found == tables.counters.end() ? 0 : found->second;
  }

 private:
  bool in_transaction_ = false;
  Tables transaction_start_;
  std::int64_t job_run_ids_ = 0;
  std::map<std::string, Tables> savepoints_;
};

}  // namespace pebble::test
