#include "metrics/recorder.h"

#include <catch2/catch.hpp>

#include "fake_store.h"

using namespace pebble::metrics;
using pebble::config::MetricsSettings;
using pebble::store::Transaction;
using pebble::store::TxMode;
using pebble::test::FakeStore;

namespace {

// Flushes inside a committed transaction, as batch code does.
bool flush_committed(MetricsRecorder& recorder, FakeStore& store) {
  Transaction transaction(store, TxMode::kWrite);
  bool written = recorder.flush(store);
  transaction.commit();
  return written;
}

}  // namespace

TEST_CASE("counters accumulate per series and flush with the command", "[metrics]") {
  FakeStore store;
  SeriesBudget budget;
  MetricsRecorder recorder("poll-feeds", MetricsSettings{}, budget);
  recorder.increment(metric::kFeedPollsTotal, {{"status", "success"}});
  recorder.increment(metric::kFeedPollsTotal, {{"status", "success"}});
  recorder.increment(metric::kFeedPollsTotal, {{"status", "error"}});
  recorder.increment(metric::kFeedItemsDiscoveredTotal, {}, 12);
  CHECK(store.tables.counters.empty());  // nothing before flush
  CHECK(flush_committed(recorder, store));
  CHECK(recorder.empty());
  CHECK(store.counter("poll-feeds", "feed_polls_total", R"(status="success")") == 2);
  CHECK(store.counter("poll-feeds", "feed_polls_total", R"(status="error")") == 1);
  CHECK(store.counter("poll-feeds", "feed_items_discovered_total", "") == 12);
  CHECK(store.savepoint_log ==
        std::vector<std::string>{"savepoint pebble_metrics", "release pebble_metrics"});

  recorder.increment(metric::kFeedPollsTotal, {{"status", "success"}});
  CHECK(flush_committed(recorder, store));
  CHECK(store.counter("poll-feeds", "feed_polls_total", R"(status="success")") == 3);
}

TEST_CASE("histogram observations become cumulative bucket counts", "[metrics]") {
  FakeStore store;
  SeriesBudget budget;
  MetricsRecorder recorder("poll-feeds", MetricsSettings{}, budget);
  recorder.observe(metric::kFeedPollDurationSeconds, {}, 0.05);  // on a bound: counts in it
  recorder.observe(metric::kFeedPollDurationSeconds, {}, 0.3);
  recorder.observe(metric::kFeedPollDurationSeconds, {}, 45);
  CHECK(flush_committed(recorder, store));
  REQUIRE(store.tables.histograms.size() == 1);
  const pebble::store::HistogramValue& value = store.tables.histograms.begin()->second;
  CHECK(value.family == "feed_poll_duration_seconds");
  CHECK(value.count == 3);
  CHECK(value.sum == Approx(45.35));
  std::map<std::string, std::uint64_t> buckets(value.buckets.begin(), value.buckets.end());
  CHECK(buckets.size() == 10);
  CHECK(buckets["0.05"] == 1);
  CHECK(buckets["0.25"] == 1);
  CHECK(buckets["0.5"] == 2);
  CHECK(buckets["30"] == 2);
  CHECK(buckets["+Inf"] == 3);
}

TEST_CASE("switched-off families record nothing", "[metrics]") {
  FakeStore store;
  SeriesBudget budget;
  MetricsSettings settings;
  settings.collect_feed = false;
  MetricsRecorder recorder("test-metrics", settings, budget);
  recorder.increment(metric::kFeedPollsTotal, {{"status", "success"}});
  recorder.observe(metric::kFeedPollDurationSeconds, {}, 1);
  recorder.increment(metric::kBookmarkOperationsTotal, {{"operation", "create"}, {"source", "test"}});
  CHECK(flush_committed(recorder, store));
  CHECK(store.tables.counters.size() == 1);
  CHECK(store.tables.histograms.empty());

  settings = MetricsSettings{};
  settings.enabled = false;
  MetricsRecorder disabled("import", settings, budget);
  disabled.increment(metric::kModelInsertsTotal, {{"model", "bookmark"}});
  CHECK(disabled.empty());
}

TEST_CASE("misuse is ignored, never thrown", "[metrics]") {
  SeriesBudget budget;
  MetricsRecorder recorder("import", MetricsSettings{}, budget);
  recorder.increment(metric::kImportJobsTotal, {{"status", "started"}});              // format missing
  recorder.increment(metric::kFeedPollDurationSeconds, {});                           // a histogram
  recorder.increment(metric::kBookmarks, {});                                         // a store gauge
  recorder.increment(metric::kModelInsertsTotal, {{"model", "tag"}}, -1);             // negative
  recorder.observe(metric::kImportJobDurationSeconds, {{"format", "opml"}}, NAN);     // not a number
  recorder.observe(metric::kImportJobsTotal, {{"status", "x"}, {"format", "y"}}, 1);  // a counter
  CHECK(recorder.empty());
}

TEST_CASE("the cardinality guard drops and counts the excess", "[metrics]") {
  FakeStore store;
  SeriesBudget budget;
  MetricsSettings settings;
  settings.max_series_per_minute = 3;
  MetricsRecorder recorder("export", settings, budget);
  for (const char* format : {"a", "b", "c", "d", "e"})
    recorder.increment(metric::kExportItemsTotal, {{"format", format}});
  CHECK(flush_committed(recorder, store));
  CHECK(store.counter("export", "pebble_metrics_dropped_series_total", "") == 2);
  CHECK(store.tables.counters.size() == 4);  // 3 admitted + the drop counter

  // Already admitted series keep being written; new ones stay out for the rest of the minute.
  recorder.increment(metric::kExportItemsTotal, {{"format", "a"}}, 5);
  recorder.increment(metric::kExportItemsTotal, {{"format", "z"}});
  CHECK(flush_committed(recorder, store));
  CHECK(store.counter("export", "export_items_total", R"(format="a")") == 6);
  CHECK(store.counter("export", "export_items_total", R"(format="z")") == 0);
  CHECK(store.counter("export", "pebble_metrics_dropped_series_total", "") == 3);
}

TEST_CASE("the series budget opens a new window every minute", "[metrics]") {
  SeriesBudget budget;
  auto start = SeriesBudget::Clock::now();
  CHECK(budget.admit("a", 1, start));
  CHECK(budget.admit("a", 1, start + std::chrono::seconds(30)));
  CHECK_FALSE(budget.admit("b", 1, start + std::chrono::seconds(59)));
  CHECK(budget.admit("b", 1, start + std::chrono::seconds(61)));
  CHECK(budget.admit("anything", 0, start));  // no limit
  CHECK(budget.first_drop());
  CHECK_FALSE(budget.first_drop());
}

TEST_CASE("a failing metrics write is undone and does not break the transaction", "[metrics]") {
  FakeStore store;
  SeriesBudget budget;
  MetricsRecorder recorder("import", MetricsSettings{}, budget);
  recorder.increment(metric::kModelInsertsTotal, {{"model", "bookmark"}}, 3);
  recorder.increment(metric::kModelInsertsTotal, {{"model", "tag"}}, 2);
  store.fail_metric_writes = true;
  Transaction transaction(store, TxMode::kWrite);
  bool written = true;
  CHECK_NOTHROW(written = recorder.flush(store));
  CHECK_FALSE(written);
  CHECK(store.tables.counters.empty());  // the partial write was rolled back to the savepoint
  CHECK(store.in_transaction());
  CHECK(store.savepoint_log == std::vector<std::string>{"savepoint pebble_metrics", "rollback pebble_metrics",
                                                        "release pebble_metrics"});
  transaction.commit();
  CHECK(recorder.empty());

  recorder.increment(metric::kPushgatewayPushFailuresTotal);
  CHECK_FALSE(recorder.flush_in_own_transaction(store));
  store.fail_metric_writes = false;
  recorder.increment(metric::kPushgatewayPushFailuresTotal);
  CHECK(recorder.flush_in_own_transaction(store));
  CHECK_FALSE(store.in_transaction());
  CHECK(store.counter("import", "pebble_pushgateway_push_failures_total", "") == 1);
}
