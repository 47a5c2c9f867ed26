#include "metrics/exposition.h"

#include <chrono>
#include <exception>

#include <spdlog/spdlog.h>

#include "metrics/catalogue.h"
#include "metrics/labels.h"
#include "metrics/process_metrics.h"
#include "metrics/samples.h"
#include "metrics/text_format.h"
#include "support/version.h"

namespace pebble::metrics {
namespace {

// Whether any enabled family is counted from the store's tables (so gather_stats is worth it).
bool needs_stats(const config::MetricsSettings& settings, std::uint32_t commands) {
  for (const FamilyDef* family : all_families()) {
    bool wanted = commands == kNoCommand || (family->recorded_by & commands) != 0;
    if (family->origin == MetricOrigin::kStore && wanted && family_enabled(*family, settings)) return true;
  }
  return false;
}

// One gauge sample with the given labels.
prometheus::ClientMetric gauge_sample(double value, const LabelPairs& labels = {}) {
  prometheus::ClientMetric sample = labelled_sample(labels);
  sample.gauge.value = value;
  sample.untyped.value = value;  // active_feeds_count is exposed untyped (catalogue.cpp)
  return sample;
}

// The feed-state gauges the alert rules read. serve exposes them and poll-feeds pushes them (each
// where its table opened them), so a cron-only host without serve still has them.
void add_feed_state_gauges(FamilyTable& table, const store::StoreStats& stats) {
  using namespace metric;
  auto count = [](std::int64_t value) { return static_cast<double>(value); };
  table.add(kActiveFeedsCount, gauge_sample(count(stats.feeds_active + stats.feeds_failing)));
  table.add(kFeeds, gauge_sample(count(stats.feeds_active), {{"state", "active"}}));
  table.add(kFeeds, gauge_sample(count(stats.feeds_disabled), {{"state", "disabled"}}));
  table.add(kFeeds, gauge_sample(count(stats.feeds_failing), {{"state", "failing"}}));
  table.add(kFeedsDue, gauge_sample(count(stats.feeds_due)));
}

void add_store_gauges(FamilyTable& table, const store::StoreStats& stats, SeriesBudget& budget,
                      const config::MetricsSettings& settings, std::uint64_t& dropped) {
  using namespace metric;
  auto count = [](std::int64_t value) { return static_cast<double>(value); };
  add_feed_state_gauges(table, stats);
  table.add(kFeedItems, gauge_sample(count(stats.feed_items)));
  table.add(kBookmarks, gauge_sample(count(stats.bookmarks)));
  table.add(kTags, gauge_sample(count(stats.tags)));
  table.add(kUsers, gauge_sample(count(stats.users)));
  for (const auto& [status, jobs] : stats.import_jobs_by_status) {
    table.add(kImportJobs, gauge_sample(count(jobs), {{"status", status}}));
  }
  if (!table.find(kBookmarkCountByUser.name)) return;
  auto now = SeriesBudget::Clock::now();
  for (const auto& [user, bookmarks] : stats.bookmarks_by_user) {
    // One series per user is the unbounded one, so it is the one the guard watches.
    if (!budget.admit("exposed\x1fuser\x1f" + user, settings.max_series_per_minute, now)) {
      ++dropped;
      continue;
    }
    table.add(kBookmarkCountByUser, gauge_sample(count(bookmarks), {{"user", user}}));
  }
}

void add_process_families(FamilyTable& table, const StoreSnapshot& snapshot) {
  using namespace metric;
  table.add(kStoreUp, gauge_sample(snapshot.up ? 1 : 0));
  table.add(kStoreQueryDurationSeconds, gauge_sample(snapshot.query_seconds));
  table.add(kBuildInfo,
            gauge_sample(1, {{"version", support::version()}, {"revision", support::git_revision()}}));
  ProcessSample process = read_process_sample();
  if (process.cpu_seconds) {
    prometheus::ClientMetric sample;
    sample.counter.value = *process.cpu_seconds;
    table.add(kProcessCpuSecondsTotal, sample);
  }
  auto optional_gauge = [&](const FamilyDef& family, const std::optional<double>& value) {
    if (value) table.add(family, gauge_sample(*value));
  };
  optional_gauge(kProcessResidentMemoryBytes, process.resident_memory_bytes);
  optional_gauge(kProcessVirtualMemoryBytes, process.virtual_memory_bytes);
  optional_gauge(kProcessOpenFds, process.open_fds);
  optional_gauge(kProcessMaxFds, process.max_fds);
  optional_gauge(kProcessStartTimeSeconds, process.start_time_seconds);
}

// Adds the stored counters and histograms of the recorded families. `only_command` keeps one
// command's series (push body, without the command label); empty keeps all (with it).
void add_recorded_series(FamilyTable& table, const std::vector<store::CounterValue>& counters,
                         const std::vector<store::HistogramValue>& histograms, std::string_view only_command,
                         const std::function<bool(const std::string&)>& admit) {
  bool with_command = only_command.empty();
  for (const store::CounterValue& counter : counters) {
    const FamilyDef* family = find_family(counter.family);
    if (!family || family->origin != MetricOrigin::kRecorded || family->kind != MetricKind::kCounter)
      continue;
    if (!with_command && counter.command != only_command) continue;
    if (!table.find(family->name) ||
        !admit(counter.command + '\x1f' + counter.family + '\x1f' + counter.labels))
      continue;
    if (auto sample = counter_sample(counter, with_command)) table.add(*family, std::move(*sample));
  }
  for (const store::HistogramValue& histogram : histograms) {
    const FamilyDef* family = find_family(histogram.family);
    if (!family || family->origin != MetricOrigin::kRecorded || family->kind != MetricKind::kHistogram)
      continue;
    if (!with_command && histogram.command != only_command) continue;
    if (!table.find(family->name) ||
        !admit(histogram.command + '\x1f' + histogram.family + '\x1f' + histogram.labels)) {
      continue;
    }
    if (auto sample = histogram_sample(histogram, with_command)) table.add(*family, std::move(*sample));
  }
}

}  // namespace

StoreSnapshot read_store_snapshot(ExpositionStores stores, const config::MetricsSettings& settings,
                                  support::Timestamp now) {
  StoreSnapshot snapshot;
  // How long the queries took is an interval: the steady clock, which the time of day cannot move.
  auto started = std::chrono::steady_clock::now();
  try {
    store::Transaction transaction(stores.transactions, store::TxMode::kRead);
    snapshot.counters = stores.metrics.read_counters();
    snapshot.histograms = stores.metrics.read_histograms();
    snapshot.job_runs = stores.job_runs.latest_job_runs();
    if (needs_stats(settings, kNoCommand)) snapshot.stats = stores.metrics.gather_stats(now);
    transaction.commit();
    snapshot.up = true;
  } catch (const std::exception& error) {
    spdlog::warn("metrics: reading the store failed: {}", error.what());
    snapshot = StoreSnapshot{};
  }
  snapshot.query_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return snapshot;
}

std::vector<prometheus::MetricFamily> build_exposition(const StoreSnapshot& snapshot,
                                                       const config::MetricsSettings& settings,
                                                       const std::vector<prometheus::MetricFamily>& extra,
                                                       SeriesBudget& budget) {
  FamilyTable table;
  for (const FamilyDef* family : all_families()) table.open(*family, settings);
  std::uint64_t dropped = 0;
  auto now = SeriesBudget::Clock::now();
  auto admit = [&](const std::string& key) {
    if (budget.admit("exposed\x1f" + key, settings.max_series_per_minute, now)) return true;
    ++dropped;
    return false;
  };
  add_recorded_series(table, snapshot.counters, snapshot.histograms, "", admit);
  for (const store::JobRunSummary& summary : snapshot.job_runs) add_job_samples(table, summary, true);
  if (snapshot.stats) add_store_gauges(table, *snapshot.stats, budget, settings, dropped);
  add_process_families(table, snapshot);
  for (const prometheus::MetricFamily& family : extra) {
    const FamilyDef* known = find_family(family.name);
    if (known && !family_enabled(*known, settings)) continue;
    table.merge(family);
  }
  std::uint64_t dropped_total = budget.add_exposure_drops(dropped);
  if (dropped_total > 0) {
    if (dropped > 0 && budget.first_drop()) {
      spdlog::warn(
          "metrics: more than {} distinct series in a minute (MAX_METRICS_PER_MINUTE); "
          "leaving the excess out, counted in {}",
          settings.max_series_per_minute, metric::kMetricsDroppedSeriesTotal.name);
    }
    prometheus::ClientMetric sample = labelled_sample({{"command", "exposition"}});
    sample.counter.value = static_cast<double>(dropped_total);
    table.add(metric::kMetricsDroppedSeriesTotal, sample);
  }
  return table.take();
}

std::optional<std::string> render_metrics(ExpositionStores stores, const config::MetricsSettings& settings,
                                          const support::Clock& clock,
                                          const std::vector<prometheus::MetricFamily>& extra) {
  if (!settings.enabled) return std::nullopt;
  StoreSnapshot snapshot = read_store_snapshot(stores, settings, clock.now());
  return render_text(build_exposition(snapshot, settings, extra));
}

std::optional<std::string> render_push_body(ExpositionStores stores, const config::MetricsSettings& settings,
                                            std::string_view command, const support::Clock& clock) {
  if (!settings.enabled) return std::nullopt;
  std::uint32_t bit = command_bit(command);
  FamilyTable table;
  for (const FamilyDef* family : all_families()) {
    if ((family->recorded_by & bit) != 0) table.open(*family, settings);
  }
  store::Transaction transaction(stores.transactions, store::TxMode::kRead);
  add_recorded_series(table, stores.metrics.read_counters(), stores.metrics.read_histograms(), command,
                      [](const std::string&) { return true; });
  for (const store::JobRunSummary& summary : stores.job_runs.latest_job_runs()) {
    if (summary.last_run.command == command) add_job_samples(table, summary, false);
  }
  if (needs_stats(settings, bit)) add_feed_state_gauges(table, stores.metrics.gather_stats(clock.now()));
  transaction.commit();
  return render_text(table.take());
}

}  // namespace pebble::metrics
