// The store contract: import jobs, job runs, metric increments and gathered statistics.
#include <algorithm>

#include <catch2/catch.hpp>

#include "store/open_store.h"
#include "store_backends.h"
#include "support/error.h"

using pebble::domain::DuplicatePolicy;
using pebble::domain::JobRun;
using pebble::store::Store;
using pebble::support::Timestamp;
using pebble::test::at;

namespace {

JobRun make_run(const std::string& command, const char* started_at, std::optional<Timestamp> finished_at,
                const std::string& status) {
  JobRun run;
  run.command = command;
  run.started_at = at(started_at);
  run.finished_at = finished_at;
  run.status = status;
  return run;
}

std::optional<pebble::store::JobRunSummary> summary_of(
    const std::vector<pebble::store::JobRunSummary>& summaries, const std::string& command) {
  for (const auto& summary : summaries) {
    if (summary.last_run.command == command) return summary;
  }
  return std::nullopt;
}

std::uint64_t bucket_count(const pebble::store::HistogramValue& histogram, const std::string& le) {
  for (const auto& [bucket_le, count] : histogram.buckets) {
    if (bucket_le == le) return count;
  }
  return 999999;
}

}  // namespace

TEST_CASE("import jobs round-trip every column", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  pebble::domain::ImportJob job;
  job.user_id = store.get_or_create_user("alice").first.id;
  job.source = "-";
  job.format = "netscape";
  job.file_size = 1234;
  const Timestamp before = pebble::support::now_utc();
  store.create_import_job(job);
  CHECK(job.id > 0);
  CHECK(job.created_at >= before);
  CHECK(job.updated_at >= job.created_at);
  auto stored = store.get_import_job(job.id);
  REQUIRE(stored);
  CHECK(stored->status == "pending");
  CHECK(stored->file_size == 1234);
  CHECK_FALSE(stored->total);
  CHECK(stored->created_at == job.created_at);

  job.status = "completed";
  job.source = "/tmp/bookmarks.html";
  job.format = "pinboard";
  job.file_size = 99;
  job.total = 10;
  job.created_count = 5;
  job.updated_count = 2;
  job.skipped_count = 2;
  job.failed_count = 1;
  job.failed_details_json = R"([{"index":3,"error":"bad url","url":"x","title":"ẋ"}])";
  job.options_json = R"({"on_duplicate":"merge"})";
  job.error_message = "one failed";
  job.started_at = at("2025-06-28T21:34:00.000001Z");
  job.completed_at = at("2025-06-28T21:34:05.999999Z");
  store.update_import_job(job);
  stored = store.get_import_job(job.id);
  REQUIRE(stored);
  CHECK(stored->user_id == job.user_id);
  CHECK(stored->status == "completed");
  CHECK(stored->source == job.source);
  CHECK(stored->format == "pinboard");
  CHECK(stored->file_size == 99);
  CHECK(stored->total == 10);
  CHECK(stored->created_count == 5);
  CHECK(stored->updated_count == 2);
  CHECK(stored->skipped_count == 2);
  CHECK(stored->failed_count == 1);
  CHECK(stored->failed_details_json.find("bad url") != std::string::npos);
  CHECK(stored->failed_details_json.find("ẋ") != std::string::npos);
  CHECK(stored->options_json.find("merge") != std::string::npos);
  CHECK(stored->error_message == "one failed");
  CHECK(stored->started_at == job.started_at);
  CHECK(stored->completed_at == job.completed_at);
  CHECK(stored->created_at == job.created_at);
  CHECK_FALSE(store.get_import_job(job.id + 1000));

  job.status = "bogus";
  CHECK_THROWS_AS(store.update_import_job(job), pebble::support::StoreError);
}

TEST_CASE("latest_job_runs reports each command's latest run and last success", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  std::vector<JobRun> runs = {
      make_run("import", "2025-01-01T00:00:00Z", at("2025-01-01T00:00:10Z"), "ok"),
      make_run("import", "2025-01-03T00:00:00Z", std::nullopt, "partial"),
      make_run("import", "2025-01-02T00:00:00Z", at("2025-01-02T00:00:05Z"), "ok"),
      make_run("import", "2025-01-02T12:00:00Z", at("2025-01-02T12:00:05Z"), "failed"),
      make_run("poll-feeds", "2025-01-01T00:00:00Z", at("2025-01-01T00:01:00Z"), "failed"),
      make_run("tie", "2025-01-01T00:00:00Z", at("2025-01-01T00:00:01Z"), "ok"),
      make_run("tie", "2025-01-01T00:00:00Z", at("2025-01-01T00:00:02Z"), "partial"),
  };
  runs[1].summary_json = R"({"created":3})";
  for (JobRun& run : runs) {
    store.record_job_run(run);
    CHECK(run.id > 0);
  }
  const auto summaries = store.latest_job_runs();
  CHECK(summaries.size() == 3);
  const auto import = summary_of(summaries, "import");
  REQUIRE(import);
  CHECK(import->last_run.id == runs[1].id);
  CHECK(import->last_run.status == "partial");
  CHECK(import->last_run.started_at == at("2025-01-03T00:00:00Z"));
  CHECK_FALSE(import->last_run.finished_at);
  CHECK(import->last_run.summary_json.find("created") != std::string::npos);
  CHECK(import->last_success_at == at("2025-01-02T00:00:05Z"));
  const auto poll = summary_of(summaries, "poll-feeds");
  REQUIRE(poll);
  CHECK(poll->last_run.status == "failed");
  CHECK_FALSE(poll->last_success_at);
  const auto tie = summary_of(summaries, "tie");
  REQUIRE(tie);
  CHECK(tie->last_run.id == runs[6].id);  // same started_at: the later id wins
  CHECK(tie->last_success_at == at("2025-01-01T00:00:01Z"));
}

TEST_CASE("counters and histograms accumulate across calls and connections", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  store.add_counters({{"poll-feeds", "pebble_feed_polls_total", "outcome=\"ok\"", 1.5},
                      {"poll-feeds", "pebble_feed_polls_total", "outcome=\"error\"", 1}});
  store.add_counters({{"poll-feeds", "pebble_feed_polls_total", "outcome=\"ok\"", 2}});
  store.add_histograms({{"import", "pebble_import_seconds", "", {{"0.5", 1}, {"+Inf", 1}}, 0.25, 1}});
  store.add_histograms(
      {{"import", "pebble_import_seconds", "", {{"0.5", 0}, {"1", 2}, {"+Inf", 2}}, 1.75, 2}});
  std::unique_ptr<Store> second_connection;
  if (pebble::test::is_shared_database(backend)) {
    second_connection = pebble::store::open_store(opened.url);
    second_connection->add_counters({{"poll-feeds", "pebble_feed_polls_total", "outcome=\"ok\"", 10}});
    second_connection->add_histograms({{"import", "pebble_import_seconds", "", {{"+Inf", 1}}, 1, 1}});
  }
  const double extra = second_connection ? 10 : 0;
  const std::uint64_t extra_count = second_connection ? 1 : 0;

  auto counters = store.read_counters();
  std::sort(counters.begin(), counters.end(),
            [](const auto& left, const auto& right) { return left.labels < right.labels; });
  REQUIRE(counters.size() == 2);
  CHECK(counters[0].labels == "outcome=\"error\"");
  CHECK(counters[0].value == 1);
  CHECK(counters[1].command == "poll-feeds");
  CHECK(counters[1].family == "pebble_feed_polls_total");
  CHECK(counters[1].value == 3.5 + extra);

  const auto histograms = store.read_histograms();
  REQUIRE(histograms.size() == 1);
  CHECK(histograms[0].command == "import");
  CHECK(histograms[0].family == "pebble_import_seconds");
  CHECK(histograms[0].labels.empty());
  CHECK(histograms[0].sum == Approx(2.0 + extra / 10));
  CHECK(histograms[0].count == 3 + extra_count);
  CHECK(histograms[0].buckets.size() == 3);
  CHECK(bucket_count(histograms[0], "0.5") == 1);
  CHECK(bucket_count(histograms[0], "1") == 2);
  CHECK(bucket_count(histograms[0], "+Inf") == 3 + extra_count);
}

TEST_CASE("gather_stats counts rows, feed states and jobs", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  const Timestamp now = at("2025-06-01T12:00:00Z");
  const auto alice = store.get_or_create_user("alice").first.id;
  store.get_or_create_user("bob");
  pebble::domain::BookmarkInput first;
  first.url = "https://example.com/1";
  first.unique_hash = std::string(64, '1');
  first.tags = {"a", "b"};
  pebble::domain::BookmarkInput second = first;
  second.unique_hash = std::string(64, '2');
  second.tags = {"b", "c"};
  store.upsert_bookmarks(alice, {first, second}, DuplicatePolicy::kSkip);

  auto healthy = store.get_or_create_feed("https://example.com/healthy").first;  // never polled: due
  auto failing = store.get_or_create_feed("https://example.com/failing").first;
  failing.consecutive_failures = 2;
  failing.next_poll_at = Timestamp{now.micros + 1};
  store.update_feed(failing);
  auto later = store.get_or_create_feed("https://example.com/later").first;
  later.next_poll_at = now;
  store.update_feed(later);
  auto disabled = store.get_or_create_feed("https://example.com/disabled").first;
  disabled.disabled = true;
  disabled.consecutive_failures = 5;
  store.update_feed(disabled);
  pebble::domain::FeedItemInput item;
  item.guid = "g1";
  store.upsert_feed_item(healthy.id, item, now);
  item.guid = "g2";
  store.upsert_feed_item(failing.id, item, now);

  for (const char* status : {"pending", "completed", "completed"}) {
    pebble::domain::ImportJob job;
    job.user_id = alice;
    job.source = "-";
    job.format = "netscape";
    job.status = status;
    store.create_import_job(job);
    store.update_import_job(job);
  }

  const pebble::store::StoreStats stats = store.gather_stats(now);
  CHECK(stats.users == 2);
  CHECK(stats.bookmarks == 2);
  CHECK(stats.tags == 3);
  CHECK(stats.feed_items == 2);
  CHECK(stats.feeds_active == 2);
  CHECK(stats.feeds_failing == 1);
  CHECK(stats.feeds_disabled == 1);
  CHECK(stats.feeds_due == 2);  // healthy (never polled) and later (due exactly now)
  CHECK(stats.import_jobs_by_status == std::map<std::string, std::int64_t>{{"completed", 2}, {"pending", 1}});
  CHECK(stats.bookmarks_by_user == std::map<std::string, std::int64_t>{{"alice", 2}, {"bob", 0}});
}

TEST_CASE("a rolled-back savepoint undoes only its own writes", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  pebble::store::Transaction transaction(store, pebble::store::TxMode::kWrite);
  store.get_or_create_user("kept");
  store.savepoint("pebble_metrics");
  store.add_counters({{"import", "import_jobs_total", "status=\"started\"", 1}});
  store.rollback_to_savepoint("pebble_metrics");
  store.release_savepoint("pebble_metrics");
  store.savepoint("pebble_metrics");
  // A failing statement inside the savepoint (an unknown owner) must not doom the transaction.
  pebble::domain::BookmarkInput orphan;
  orphan.url = "https://x.example";
  orphan.unique_hash = std::string(64, 'a');
  CHECK_THROWS_AS(store.upsert_bookmarks(-1, {orphan}, DuplicatePolicy::kSkip), pebble::support::StoreError);
  store.rollback_to_savepoint("pebble_metrics");
  store.release_savepoint("pebble_metrics");
  store.add_counters({{"import", "import_jobs_total", "status=\"completed\"", 2}});
  transaction.commit();
  CHECK(store.find_user("kept"));
  const auto counters = store.read_counters();
  REQUIRE(counters.size() == 1);
  CHECK(counters[0].labels == "status=\"completed\"");
  CHECK(counters[0].value == 2);
}
