// SQLite store: import jobs, job runs, metric increments and the counts behind the store gauges.
#include <map>
#include <tuple>

#include "store/sqlite_store_impl.h"
#include "support/error.h"

namespace pebble::store {

namespace {

const std::string kImportJobSelect =
    "SELECT id, user_id, source, format, status, file_size, total, created_count, updated_count, "
    "skipped_count, "
    "failed_count, failed_details, options, error_message, started_at, completed_at, created_at, updated_at "
    "FROM import_jobs";

domain::ImportJob read_import_job(const SqliteStatement& statement) {
  domain::ImportJob job;
  job.id = statement.integer(0);
  job.user_id = statement.integer(1);
  job.source = statement.text(2);
  job.format = statement.text(3);
  job.status = statement.text(4);
  job.file_size = statement.integer(5);
  job.total = statement.optional_integer(6);
  job.created_count = statement.integer(7);
  job.updated_count = statement.integer(8);
  job.skipped_count = statement.integer(9);
  job.failed_count = statement.integer(10);
  job.failed_details_json = statement.text(11);
  job.options_json = statement.text(12);
  job.error_message = statement.optional_text(13);
  job.started_at = statement.optional_timestamp(14);
  job.completed_at = statement.optional_timestamp(15);
  job.created_at = statement.timestamp(16);
  job.updated_at = statement.timestamp(17);
  return job;
}

// The single number a counting query returns.
std::int64_t count_of(SqliteConnection& connection, const char* purpose, const std::string& sql) {
  auto statement = connection.prepare(purpose, sql);
  statement.step();
  return statement.integer(0);
}

}  // namespace

void SqliteStore::create_import_job(domain::ImportJob& job) {
  const support::Timestamp now = clock_.now();
  connection_
      .prepare(
          "create import job",
          "INSERT INTO import_jobs (user_id, source, format, status, file_size, total, created_count, "
          "updated_count, skipped_count, failed_count, failed_details, options, error_message, started_at, "
          "completed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind_all(job.user_id, job.source, job.format, job.status, job.file_size, job.total, job.created_count,
                job.updated_count, job.skipped_count, job.failed_count, job.failed_details_json,
                job.options_json, job.error_message, job.started_at, job.completed_at, now, now)
      .run();
  job.id = connection_.last_insert_id();
  job.created_at = now;
  job.updated_at = now;
}

void SqliteStore::update_import_job(const domain::ImportJob& job) {
  connection_
      .prepare(
          "update import job",
          "UPDATE import_jobs SET source = ?, format = ?, status = ?, file_size = ?, total = ?, "
          "created_count = ?, updated_count = ?, skipped_count = ?, failed_count = ?, failed_details = ?, "
          "options = ?, error_message = ?, started_at = ?, completed_at = ?, updated_at = ? WHERE id = ?")
      .bind_all(job.source, job.format, job.status, job.file_size, job.total, job.created_count,
                job.updated_count, job.skipped_count, job.failed_count, job.failed_details_json,
                job.options_json, job.error_message, job.started_at, job.completed_at, clock_.now(), job.id)
      .run();
}

std::optional<domain::ImportJob> SqliteStore::get_import_job(std::int64_t job_id) {
  auto statement = connection_.prepare("read import job", kImportJobSelect + " WHERE id = ?");
  statement.bind_all(job_id);
  if (!statement.step()) return std::nullopt;
  return read_import_job(statement);
}

std::int64_t SqliteStore::fail_abandoned_import_jobs(const domain::ImportJob& current,
                                                     support::Timestamp stale_before,
                                                     const std::string& reason) {
  const support::Timestamp now = clock_.now();
  connection_
      .prepare(
          "mark abandoned import jobs",
          "UPDATE import_jobs SET status = 'failed', error_message = ?, completed_at = ?, updated_at = ? "
          "WHERE status IN ('pending', 'processing') AND id <> ? "
          "AND (updated_at < ? OR (user_id = ? AND source = ?))")
      .bind_all(reason, now, now, current.id, stale_before, current.user_id, current.source)
      .run();
  return connection_.changes();
}

void SqliteStore::record_job_run(domain::JobRun& run) {
  const support::Timestamp now = clock_.now();
  connection_
      .prepare(
          "record job run",
          "INSERT INTO job_runs (command, started_at, finished_at, status, summary, created_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?)")
      .bind_all(run.command, run.started_at, run.finished_at, run.status, run.summary_json, now, now)
      .run();
  run.id = connection_.last_insert_id();
}

std::vector<JobRunSummary> SqliteStore::latest_job_runs() {
  auto statement = connection_.prepare(
      "read latest job runs",
      "SELECT r.id, r.command, r.started_at, r.finished_at, r.status, r.summary, "
      "(SELECT max(ok.finished_at) FROM job_runs ok WHERE ok.command = r.command AND ok.status = 'ok') "
      "FROM job_runs r WHERE r.id = (SELECT latest.id FROM job_runs latest WHERE latest.command = r.command "
      "ORDER BY latest.started_at DESC, latest.id DESC LIMIT 1) ORDER BY r.command");
  std::vector<JobRunSummary> summaries;
  while (statement.step()) {
    JobRunSummary summary;
    summary.last_run.id = statement.integer(0);
    summary.last_run.command = statement.text(1);
    summary.last_run.started_at = statement.timestamp(2);
    summary.last_run.finished_at = statement.optional_timestamp(3);
    summary.last_run.status = statement.text(4);
    summary.last_run.summary_json = statement.text(5);
    summary.last_success_at = statement.optional_timestamp(6);
    summaries.push_back(std::move(summary));
  }
  return summaries;
}

void SqliteStore::add_counters(const std::vector<CounterDelta>& deltas) {
  write_atomically([&] {
    const support::Timestamp now = clock_.now();
    for (const CounterDelta& delta : deltas) {
      connection_
          .prepare("add to counter",
                   "INSERT INTO metric_counters (command, family, labels, value, updated_at) VALUES (?, ?, "
                   "?, ?, ?) "
                   "ON CONFLICT (command, family, labels) DO UPDATE SET "
                   "value = metric_counters.value + excluded.value, updated_at = excluded.updated_at")
          .bind_all(delta.command, delta.family, delta.labels, delta.value, now)
          .run();
    }
  });
}

void SqliteStore::add_histograms(const std::vector<HistogramDelta>& deltas) {
  write_atomically([&] {
    const support::Timestamp now = clock_.now();
    for (const HistogramDelta& delta : deltas) {
      connection_
          .prepare(
              "add to histogram",
              "INSERT INTO metric_histograms (command, family, labels, sum, count, updated_at) "
              "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (command, family, labels) DO UPDATE SET "
              "sum = metric_histograms.sum + excluded.sum, count = metric_histograms.count + excluded.count, "
              "updated_at = excluded.updated_at")
          .bind_all(delta.command, delta.family, delta.labels, delta.sum,
                    static_cast<std::int64_t>(delta.count), now)
          .run();
      for (const auto& [le, count] : delta.buckets) {
        connection_
            .prepare("add to histogram bucket",
                     "INSERT INTO metric_histogram_buckets (command, family, labels, le, count) VALUES (?, "
                     "?, ?, ?, ?) "
                     "ON CONFLICT (command, family, labels, le) DO UPDATE SET "
                     "count = metric_histogram_buckets.count + excluded.count")
            .bind_all(delta.command, delta.family, delta.labels, le, static_cast<std::int64_t>(count))
            .run();
      }
    }
  });
}

std::vector<CounterValue> SqliteStore::read_counters() {
  auto statement = connection_.prepare(
      "read counters",
      "SELECT command, family, labels, value FROM metric_counters ORDER BY command, family, labels");
  std::vector<CounterValue> counters;
  while (statement.step()) {
    counters.push_back(
        CounterValue{statement.text(0), statement.text(1), statement.text(2), statement.real(3)});
  }
  return counters;
}

std::vector<HistogramValue> SqliteStore::read_histograms() {
  std::vector<HistogramValue> histograms;
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> index_of;
  {
    auto statement = connection_.prepare(
        "read histograms",
        "SELECT command, family, labels, sum, count FROM metric_histograms ORDER BY command, family, labels");
    while (statement.step()) {
      HistogramValue histogram;
      histogram.command = statement.text(0);
      histogram.family = statement.text(1);
      histogram.labels = statement.text(2);
      histogram.sum = statement.real(3);
      histogram.count = static_cast<std::uint64_t>(statement.integer(4));
      index_of[{histogram.command, histogram.family, histogram.labels}] = histograms.size();
      histograms.push_back(std::move(histogram));
    }
  }
  auto statement = connection_.prepare(
      "read histogram buckets", "SELECT command, family, labels, le, count FROM metric_histogram_buckets");
  while (statement.step()) {
    const auto found = index_of.find({statement.text(0), statement.text(1), statement.text(2)});
    if (found == index_of.end()) continue;  // a bucket without its series row cannot be reported
    histograms[found->second].buckets.emplace_back(statement.text(3),
                                                   static_cast<std::uint64_t>(statement.integer(4)));
  }
  return histograms;
}

StoreStats SqliteStore::gather_stats(support::Timestamp now) {
  StoreStats stats;
  stats.users = count_of(connection_, "count users", "SELECT count(*) FROM users");
  stats.bookmarks = count_of(connection_, "count bookmarks", "SELECT count(*) FROM bookmarks");
  stats.tags = count_of(connection_, "count tags", "SELECT count(*) FROM tags");
  stats.feed_items = count_of(connection_, "count feed items", "SELECT count(*) FROM feed_items");
  {
    auto statement = connection_.prepare(
        "count feeds by state",
        "SELECT coalesce(sum(disabled = 0 AND consecutive_failures = 0), 0), "
        "coalesce(sum(disabled = 0 AND consecutive_failures > 0), 0), coalesce(sum(disabled <> 0), 0), "
        "coalesce(sum(disabled = 0 AND (next_poll_at IS NULL OR next_poll_at <= ?)), 0) FROM feeds "
        "WHERE disabled_reason IS NOT ?");  // the self-test's feeds are not production's
    statement.bind_all(now, std::string(domain::kSelfTestFeedReason));
    statement.step();
    stats.feeds_active = statement.integer(0);
    stats.feeds_failing = statement.integer(1);
    stats.feeds_disabled = statement.integer(2);
    stats.feeds_due = statement.integer(3);
  }
  {
    auto statement = connection_.prepare("count import jobs by status",
                                         "SELECT status, count(*) FROM import_jobs GROUP BY status");
    while (statement.step()) stats.import_jobs_by_status[statement.text(0)] = statement.integer(1);
  }
  auto statement = connection_.prepare(
      "count bookmarks by user",
      "SELECT u.username, (SELECT count(*) FROM bookmarks b WHERE b.owner_id = u.id) FROM users u");
  while (statement.step()) stats.bookmarks_by_user[statement.text(0)] = statement.integer(1);
  return stats;
}

}  // namespace pebble::store
