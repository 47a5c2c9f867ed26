#include "metrics/exposition.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>

#include <catch2/catch.hpp>

#include "fake_store.h"
#include "metrics/recorder.h"
#include "metrics/text_format.h"
#include "support/clock.h"
#include "support/test_env.h"

using namespace pebble::metrics;
using pebble::config::MetricsSettings;
using pebble::support::ManualClock;
using pebble::support::Timestamp;
using pebble::test::FakeStore;

namespace {

// 2026-03-01T12:00:00Z: the exposition reads no other time.
const ManualClock kClock{Timestamp{1'772'366'400'000'000}};

struct PromtoolResult {
  int exit_code = -1;
  std::string output;
};

// Runs `promtool check metrics` on the text; skips when promtool is not installed.
PromtoolResult promtool_check(const std::string& text) {
  if (!std::filesystem::exists("/usr/bin/promtool")) pebble::test::skip_test("promtool is not installed");
  auto path =
      std::filesystem::temp_directory_path() / ("pebble_promtool_" + std::to_string(::getpid()) + ".txt");
  std::ofstream(path) << text;
  std::string command = "/usr/bin/promtool check metrics < " + path.string() + " 2>&1";
  PromtoolResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[512];
  while (std::fgets(buffer, sizeof(buffer), pipe) != nullptr) result.output += buffer;
  int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::filesystem::remove(path);
  return result;
}

// A store holding what a poll, an import and an export recorded, plus job runs and row counts.
void populate(FakeStore& store) {
  SeriesBudget budget;
  MetricsRecorder poll("poll-feeds", MetricsSettings{}, budget);
  poll.increment(metric::kFeedPollsTotal, {{"status", "success"}}, 4);
  poll.increment(metric::kFeedPollErrorsTotal, {{"reason", "timeout"}});
  poll.observe(metric::kFeedPollDurationSeconds, {}, 0.2);
  poll.observe(metric::kFeedPollDurationSeconds, {}, 3);
  poll.increment(metric::kModelInsertsTotal, {{"model", "feed_item"}}, 7);
  MetricsRecorder import("import", MetricsSettings{}, budget);
  import.increment(metric::kImportJobsTotal, {{"status", "completed"}, { "format", "netscape \"v2\"\n" }});
  import.observe(metric::kImportJobDurationSeconds, {{ "format", "netscape" }}, 1.5);
  import.increment(metric::kModelInsertsTotal, {{ "model", "bookmark" }}, 9);
  pebble::store::Transaction transaction(store, pebble::store::TxMode::kWrite);
  poll.flush(store);
  import.flush(store);
  transaction.commit();

  pebble::domain::JobRun run;
  run.command = "poll-feeds";
  run.started_at = Timestamp::from_seconds(1000);
  run.finished_at = Timestamp{1012500000};
  run.status = "partial";
  store.job_runs.push_back({run, Timestamp::from_seconds(900)});
  store.stats.users = 2;
  store.stats.bookmarks = 9;
  store.stats.feeds_active = 3;
  store.stats.feeds_failing = 1;
  store.stats.feeds_disabled = 5;
  store.stats.import_jobs_by_status = {{"completed", 1}};
  store.stats.bookmarks_by_user = {{"alice", 9}, {"bob \\ \"b\"", 0}};
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("an empty store still exposes HELP and TYPE of every enabled family", "[metrics]") {
  FakeStore store;
  auto text = render_metrics(store, MetricsSettings{}, kClock);
  REQUIRE(text);
  for (const FamilyDef* family : all_families()) {
    INFO(family->name);
    CHECK(contains(*text, "# HELP " + std::string(family->name) + " "));
    CHECK(contains(
        *text, "# TYPE " + std::string(family->name) + " " + std::string(kind_text(family->kind)) + "\n"));
  }
  CHECK(contains(*text, "pebble_store_up 1\n"));
  CHECK(contains(*text, "active_feeds_count 0\n"));
  auto check = promtool_check(*text);
  CHECK(check.output == "");
  CHECK(check.exit_code == 0);
}

TEST_CASE("families without a single sample still pass promtool", "[metrics]") {
  std::vector<prometheus::MetricFamily> families;
  for (const FamilyDef* family : all_families()) families.push_back(empty_family(*family));
  std::string text = render_text(families);
  for (const FamilyDef* family : all_families()) {
    CHECK(contains(text, "# TYPE " + std::string(family->name) + " "));
  }
  CHECK_FALSE(contains(text, "\n" + std::string(metric::kStoreUp.name) + " "));
  auto check = promtool_check(text);
  CHECK(check.output == "");
  CHECK(check.exit_code == 0);
}

TEST_CASE("a populated exposition carries store values and passes promtool", "[metrics]") {
  FakeStore store;
  populate(store);
  std::vector<prometheus::MetricFamily> extra{empty_family(metric::kHttpRequestsTotal)};
  prometheus::ClientMetric request;
  request.label = {{"handler", "/metrics"}, {"code", "200"}};
  request.counter.value = 5;
  extra[0].metric.push_back(request);
  auto text = render_metrics(store, MetricsSettings{}, kClock, extra);
  REQUIRE(text);
  CHECK(contains(*text, "feed_polls_total{command=\"poll-feeds\",status=\"success\"} 4\n"));
  CHECK(contains(
      *text,
      "import_jobs_total{command=\"import\",status=\"completed\",format=\"netscape \\\"v2\\\"\\n\"} 1\n"));
  CHECK(contains(*text, "feed_poll_duration_seconds_bucket{command=\"poll-feeds\",le=\"0.25\"} 1\n"));
  CHECK(contains(*text, "feed_poll_duration_seconds_bucket{command=\"poll-feeds\",le=\"+Inf\"} 2\n"));
  CHECK(contains(*text, "feed_poll_duration_seconds_count{command=\"poll-feeds\"} 2\n"));
  CHECK(contains(*text, "pebble_model_inserts_total{command=\"import\",model=\"bookmark\"} 9\n"));
  CHECK(contains(*text, "pebble_job_last_run_success{command=\"poll-feeds\"} 0\n"));
  CHECK(contains(*text, "pebble_job_duration_seconds{command=\"poll-feeds\"} 12.5\n"));
  CHECK(contains(*text, "pebble_job_last_success_timestamp_seconds{command=\"poll-feeds\"} 900\n"));
  CHECK(contains(*text, "pebble_job_last_run_timestamp_seconds{command=\"poll-feeds\"} 1012.5\n"));
  CHECK(contains(*text, "active_feeds_count 4\n"));
  CHECK(contains(*text, "pebble_feeds{state=\"disabled\"} 5\n"));
  CHECK(contains(*text, "bookmark_count_by_user{user=\"alice\"} 9\n"));
  CHECK(contains(*text, "bookmark_count_by_user{user=\"bob \\\\ \\\"b\\\"\"} 0\n"));
  CHECK(contains(*text, "pebble_http_requests_total{handler=\"/metrics\",code=\"200\"} 5\n"));
  CHECK(contains(*text, "pebble_build_info{version=\""));
  CHECK(contains(*text, "process_start_time_seconds "));
  CHECK(contains(*text, "process_open_fds "));
  auto check = promtool_check(*text);
  CHECK(check.output == "");
  CHECK(check.exit_code == 0);
}

TEST_CASE("switches shape the exposition", "[metrics]") {
  FakeStore store;
  populate(store);
  MetricsSettings settings;
  settings.collect_user = false;
  settings.collect_feed = false;
  auto text = render_metrics(store, settings, kClock);
  REQUIRE(text);
  CHECK_FALSE(contains(*text, "bookmark_count_by_user"));
  CHECK_FALSE(contains(*text, "feed_polls_total"));
  CHECK_FALSE(contains(*text, "active_feeds_count"));
  CHECK(contains(*text, "pebble_bookmarks 9\n"));
  settings.enabled = false;
  CHECK_FALSE(render_metrics(store, settings, kClock));
  CHECK_FALSE(render_push_body(store, settings, "poll-feeds", pebble::support::system_clock()));
}

TEST_CASE("a failing store yields pebble_store_up 0, not an error", "[metrics]") {
  FakeStore store;
  populate(store);
  store.fail_reads = true;
  auto snapshot = read_store_snapshot(store, MetricsSettings{}, Timestamp{});
  CHECK_FALSE(snapshot.up);
  CHECK_FALSE(store.in_transaction());
  std::string text = render_text(build_exposition(snapshot, MetricsSettings{}));
  CHECK(contains(text, "pebble_store_up 0\n"));
  CHECK_FALSE(contains(text, "feed_polls_total{"));
}

TEST_CASE("exposed store series count against the cardinality guard", "[metrics]") {
  FakeStore store;
  populate(store);
  MetricsSettings settings;
  settings.max_series_per_minute = 2;
  SeriesBudget budget;
  auto snapshot = read_store_snapshot(store, settings, Timestamp{});
  std::string text = render_text(build_exposition(snapshot, settings, {}, budget));
  // 7 counter/histogram series and 2 user gauges in the store; 2 admitted.
  CHECK(contains(text, "pebble_metrics_dropped_series_total{command=\"exposition\"} 7\n"));
}

TEST_CASE("the push body carries one command's families without a command label", "[metrics]") {
  FakeStore store;
  populate(store);
  auto body = render_push_body(store, MetricsSettings{}, "poll-feeds", pebble::support::system_clock());
  REQUIRE(body);
  CHECK(contains(*body, "feed_polls_total{status=\"success\"} 4\n"));
  CHECK(contains(*body, "feed_poll_duration_seconds_count 2\n"));
  CHECK(contains(*body, "pebble_model_inserts_total{model=\"feed_item\"} 7\n"));
  CHECK(contains(*body, "pebble_job_last_run_success 0\n"));
  CHECK(contains(*body, "active_feeds_count 4\n"));
  CHECK(contains(*body, "# TYPE pebble_pushgateway_push_failures_total counter\n"));
  CHECK_FALSE(contains(*body, "command="));
  CHECK_FALSE(contains(*body, "import_jobs_total"));
  CHECK_FALSE(contains(*body, "model=\"bookmark\""));
  CHECK_FALSE(contains(*body, "pebble_bookmarks"));
  CHECK_FALSE(contains(*body, "process_"));
  auto check = promtool_check(*body);
  CHECK(check.output == "");
  CHECK(check.exit_code == 0);

  auto export_body = render_push_body(store, MetricsSettings{}, "export", pebble::support::system_clock());
  REQUIRE(export_body);
  CHECK(contains(*export_body, "# TYPE export_duration_seconds histogram\n"));
  CHECK_FALSE(contains(*export_body, "active_feeds_count"));
  CHECK_FALSE(contains(*export_body, "\npebble_job_last_run_success "));
}

TEST_CASE("the store statistics are gathered at the injected clock's time", "[metrics]") {
  FakeStore store;
  populate(store);
  ManualClock clock{Timestamp{1'772'366'400'000'000}};
  REQUIRE(render_metrics(store, MetricsSettings{}, clock));
  CHECK(store.stats_asked_at == Timestamp{1'772'366'400'000'000});
  clock.advance(std::chrono::hours(1));
  REQUIRE(render_push_body(store, MetricsSettings{}, "poll-feeds", clock));
  CHECK(store.stats_asked_at == Timestamp{1'772'370'000'000'000});
}
