#include "metrics/recorder.h"

#include <cmath>
#include <exception>
#include <limits>

#include <spdlog/spdlog.h>

namespace pebble::metrics {
namespace {

// The savepoint every flush writes inside (see TransactionStore::savepoint).
const std::string kSavepointName = "pebble_metrics";

// The guard's key of one series: distinct per command, family and labels.
std::string budget_key(const std::string& command, std::string_view family, const std::string& labels) {
  std::string key = command;
  key += '\x1f';
  key += family;
  key += '\x1f';
  key += labels;
  return key;
}

}  // namespace

MetricsRecorder::MetricsRecorder(std::string command, config::MetricsSettings settings, SeriesBudget& budget)
    : command_(std::move(command)), settings_(settings), budget_(budget) {}

std::optional<std::string> MetricsRecorder::series_labels(const FamilyDef& family, const LabelPairs& labels,
                                                          MetricKind kind) {
  if (!family_enabled(family, settings_)) return std::nullopt;
  if (family.origin != MetricOrigin::kRecorded || family.kind != kind) {
    spdlog::warn("metric {} cannot be recorded as a {}; ignored", family.name, kind_text(kind));
    return std::nullopt;
  }
  try {
    return canonical_labels(family, labels);
  } catch (const std::exception& error) {
    spdlog::warn("{}; ignored", error.what());
    return std::nullopt;
  }
}

void MetricsRecorder::increment(const FamilyDef& family, const LabelPairs& labels, double value) {
  auto text = series_labels(family, labels, MetricKind::kCounter);
  if (!text) return;
  if (!(value >= 0) || std::isinf(value)) {
    spdlog::warn("metric {}: a counter cannot grow by {}; ignored", family.name, value);
    return;
  }
  counters_[SeriesKey(&family, *text)] += value;
}

void MetricsRecorder::observe(const FamilyDef& family, const LabelPairs& labels, double seconds) {
  auto text = series_labels(family, labels, MetricKind::kHistogram);
  if (!text) return;
  if (!std::isfinite(seconds)) {
    spdlog::warn("metric {}: cannot observe {}; ignored", family.name, seconds);
    return;
  }
  PendingHistogram& pending = histograms_[SeriesKey(&family, *text)];
  pending.bucket_counts.resize(family.buckets.size() + 1);  // the last one is +Inf
  for (std::size_t index = 0; index < family.buckets.size(); ++index) {
    if (seconds <= family.buckets[index]) ++pending.bucket_counts[index];
  }
  ++pending.bucket_counts.back();
  pending.sum += seconds;
  ++pending.count;
}

std::pair<std::vector<store::CounterDelta>, std::vector<store::HistogramDelta>>
MetricsRecorder::admitted_deltas() {
  auto now = SeriesBudget::Clock::now();
  std::int64_t dropped = 0;
  std::vector<store::CounterDelta> counters;
  for (const auto& [key, value] : counters_) {
    if (!budget_.admit(budget_key(command_, key.first->name, key.second), settings_.max_series_per_minute,
                       now)) {
      ++dropped;
      continue;
    }
    counters.push_back(store::CounterDelta{command_, std::string(key.first->name), key.second, value});
  }
  std::vector<store::HistogramDelta> histograms;
  for (const auto& [key, pending] : histograms_) {
    if (!budget_.admit(budget_key(command_, key.first->name, key.second), settings_.max_series_per_minute,
                       now)) {
      ++dropped;
      continue;
    }
    store::HistogramDelta delta{command_,     std::string(key.first->name), key.second, {}, pending.sum,
                                pending.count};
    for (std::size_t index = 0; index < pending.bucket_counts.size(); ++index) {
      double bound = index < key.first->buckets.size() ? key.first->buckets[index]
                                                       : std::numeric_limits<double>::infinity();
      delta.buckets.emplace_back(bucket_bound_text(bound), pending.bucket_counts[index]);
    }
    histograms.push_back(std::move(delta));
  }
  if (dropped > 0) {
    // The drop counter itself bypasses the guard: it is one series, and losing it would hide drops.
    counters.push_back(store::CounterDelta{command_, std::string(metric::kMetricsDroppedSeriesTotal.name), "",
                                           static_cast<double>(dropped)});
    if (budget_.first_drop()) {
      spdlog::warn(
          "metrics: more than {} distinct series in a minute (MAX_METRICS_PER_MINUTE); "
          "dropping the excess, counted in {}",
          settings_.max_series_per_minute, metric::kMetricsDroppedSeriesTotal.name);
    }
  }
  return {std::move(counters), std::move(histograms)};
}

bool MetricsRecorder::flush(RecorderStores stores) {
  if (empty()) return true;
  auto [counters, histograms] = admitted_deltas();
  counters_.clear();
  histograms_.clear();
  try {
    stores.transactions.savepoint(kSavepointName);
    try {
      if (!counters.empty()) stores.metrics.add_counters(counters);
      if (!histograms.empty()) stores.metrics.add_histograms(histograms);
    } catch (...) {
      try {
        stores.transactions.rollback_to_savepoint(kSavepointName);
        stores.transactions.release_savepoint(kSavepointName);
      } catch (...) {  // the original failure is the one worth reporting
      }
      throw;
    }
    stores.transactions.release_savepoint(kSavepointName);
    return true;
  } catch (const std::exception& error) {
    if (budget_.first_failure()) {
      spdlog::warn("metrics for {} not recorded (the operation itself is unaffected): {}", command_,
                   error.what());
    }
    return false;
  }
}

bool MetricsRecorder::flush_in_own_transaction(RecorderStores stores) {
  if (empty()) return true;
  try {
    store::Transaction transaction(stores.transactions, store::TxMode::kWrite);
    bool written = flush(stores);
    transaction.commit();
    return written;
  } catch (const std::exception& error) {
    counters_.clear();
    histograms_.clear();
    if (budget_.first_failure()) {
      spdlog::warn("metrics for {} not recorded: {}", command_, error.what());
    }
    return false;
  }
}

}  // namespace pebble::metrics
