// Import jobs, job runs and the cumulative metric tables in PostgreSQL.
#include <map>
#include <tuple>

#include "store/postgres_json.h"
#include "store/postgres_store_impl.h"
#include "support/error.h"

namespace pebble::store {

namespace {

constexpr const char* kImportJobColumns =
    "id, user_id, source, format, status, file_size, total, created_count, updated_count, skipped_count, "
    "failed_count, failed_details, options, error_message, started_at, completed_at, created_at, updated_at";

domain::ImportJob import_job_from_row(const Result& result, int row) {
  domain::ImportJob job;
  job.id = result.integer(row, 0);
  job.user_id = result.integer(row, 1);
  job.source = result.text(row, 2);
  job.format = result.text(row, 3);
  job.status = result.text(row, 4);
  job.file_size = result.integer(row, 5);
  job.total = result.optional_integer(row, 6);
  job.created_count = result.integer(row, 7);
  job.updated_count = result.integer(row, 8);
  job.skipped_count = result.integer(row, 9);
  job.failed_count = result.integer(row, 10);
  job.failed_details_json = compact_json(result.text(row, 11));
  job.options_json = compact_json(result.text(row, 12));
  job.error_message = result.optional_text(row, 13);
  job.started_at = result.optional_time(row, 14);
  job.completed_at = result.optional_time(row, 15);
  job.created_at = result.time(row, 16);
  job.updated_at = result.time(row, 17);
  return job;
}

// Counts are unsigned in the API and BIGINT in the table; 2^63 events will not happen.
std::int64_t as_bigint(std::uint64_t count) {
  return static_cast<std::int64_t>(count);
}

}  // namespace

namespace {

// $1 = `key` (user_id on insert, id on update), $2..$15 the job's columns, $16 = `now`: the one
// parameter order both import_jobs statements use.
Params import_job_params(std::int64_t key, const domain::ImportJob& job, support::Timestamp now) {
  return Params()
      .integer(key)
      .text(job.source)
      .text(job.format)
      .text(job.status)
      .integer(job.file_size)
      .integer(job.total)
      .integer(job.created_count)
      .integer(job.updated_count)
      .integer(job.skipped_count)
      .integer(job.failed_count)
      .text(job.failed_details_json)
      .text(job.options_json)
      .text(job.error_message)
      .time(job.started_at)
      .time(job.completed_at)
      .time(now);
}

}  // namespace

void PostgresStore::create_import_job(domain::ImportJob& job) {
  const support::Timestamp now = clock_.now();
  const Result result = connection_.exec(
      "create import job for " + job.source,
      "INSERT INTO import_jobs (user_id, source, format, status, file_size, total, created_count, "
      "updated_count, "
      "skipped_count, failed_count, failed_details, options, error_message, started_at, completed_at, "
      "created_at, "
      "updated_at) VALUES ($1::bigint, $2, $3, $4, $5::bigint, $6::bigint, $7::bigint, $8::bigint, "
      "$9::bigint, "
      "$10::bigint, $11::jsonb, $12::jsonb, $13, $14::timestamptz, $15::timestamptz, $16::timestamptz, "
      "$16::timestamptz) RETURNING id, created_at, updated_at",
      import_job_params(job.user_id, job, now));
  job.id = result.integer(0, 0);
  job.created_at = result.time(0, 1);
  job.updated_at = result.time(0, 2);
}

void PostgresStore::update_import_job(const domain::ImportJob& job) {
  connection_.exec("update import job " + std::to_string(job.id),
                   "UPDATE import_jobs SET source = $2, format = $3, status = $4, file_size = $5::bigint, "
                   "total = $6::bigint, created_count = $7::bigint, updated_count = $8::bigint, "
                   "skipped_count = $9::bigint, failed_count = $10::bigint, failed_details = $11::jsonb, "
                   "options = $12::jsonb, error_message = $13, started_at = $14::timestamptz, "
                   "completed_at = $15::timestamptz, updated_at = $16::timestamptz WHERE id = $1::bigint",
                   import_job_params(job.id, job, clock_.now()));
}

std::int64_t PostgresStore::fail_abandoned_import_jobs(const domain::ImportJob& current,
                                                       support::Timestamp stale_before,
                                                       const std::string& reason) {
  const Result result = connection_.exec(
      "mark abandoned import jobs",
      "UPDATE import_jobs SET status = 'failed', error_message = $1, completed_at = $2::timestamptz, "
      "updated_at = $2::timestamptz WHERE status IN ('pending', 'processing') AND id <> $3::bigint "
      "AND (updated_at < $4::timestamptz OR (user_id = $5::bigint AND source = $6))",
      Params()
          .text(reason)
          .time(clock_.now())
          .integer(current.id)
          .time(stale_before)
          .integer(current.user_id)
          .text(current.source));
  return result.affected();
}

std::optional<domain::ImportJob> PostgresStore::get_import_job(std::int64_t job_id) {
  const Result result =
      connection_.exec("read import job " + std::to_string(job_id),
                       std::string("SELECT ") + kImportJobColumns + " FROM import_jobs WHERE id = $1::bigint",
                       Params().integer(job_id));
  if (result.rows() == 0) return std::nullopt;
  return import_job_from_row(result, 0);
}

void PostgresStore::record_job_run(domain::JobRun& run) {
  const Result result = connection_.exec(
      "record a run of " + run.command,
      "INSERT INTO job_runs (command, started_at, finished_at, status, summary, created_at, updated_at) "
      "VALUES ($1, $2::timestamptz, $3::timestamptz, $4, $5::jsonb, $6::timestamptz, $6::timestamptz) "
      "RETURNING id",
      Params()
          .text(run.command)
          .time(run.started_at)
          .time(run.finished_at)
          .text(run.status)
          .text(run.summary_json)
          .time(clock_.now()));
  run.id = result.integer(0, 0);
}

std::vector<JobRunSummary> PostgresStore::latest_job_runs() {
  const Result result = connection_.exec(
      "read the latest job runs",
      "SELECT DISTINCT ON (r.command) r.id, r.command, r.started_at, r.finished_at, r.status, r.summary, "
      "(SELECT max(o.finished_at) FROM job_runs o WHERE o.command = r.command AND o.status = 'ok') "
      "FROM job_runs r ORDER BY r.command, r.started_at DESC, r.id DESC");
  std::vector<JobRunSummary> summaries;
  for (int row = 0; row < result.rows(); ++row) {
    JobRunSummary summary;
    summary.last_run.id = result.integer(row, 0);
    summary.last_run.command = result.text(row, 1);
    summary.last_run.started_at = result.time(row, 2);
    summary.last_run.finished_at = result.optional_time(row, 3);
    summary.last_run.status = result.text(row, 4);
    summary.last_run.summary_json = compact_json(result.text(row, 5));
    summary.last_success_at = result.optional_time(row, 6);
    summaries.push_back(std::move(summary));
  }
  return summaries;
}

void PostgresStore::add_counters(const std::vector<CounterDelta>& deltas) {
  const support::Timestamp now = clock_.now();
  in_transaction("add metric counters", [&] {
    for (const CounterDelta& delta : deltas) {
      connection_.exec(
          "add to counter " + delta.family,
          "INSERT INTO metric_counters (command, family, labels, value, updated_at) "
          "VALUES ($1, $2, $3, $4::float8, $5::timestamptz) ON CONFLICT (command, family, labels) "
          "DO UPDATE SET value = metric_counters.value + EXCLUDED.value, updated_at = EXCLUDED.updated_at",
          Params().text(delta.command).text(delta.family).text(delta.labels).real(delta.value).time(now));
    }
  });
}

void PostgresStore::add_histograms(const std::vector<HistogramDelta>& deltas) {
  const support::Timestamp now = clock_.now();
  in_transaction("add metric histograms", [&] {
    for (const HistogramDelta& delta : deltas) {
      connection_.exec(
          "add to histogram " + delta.family,
          "INSERT INTO metric_histograms (command, family, labels, sum, count, updated_at) "
          "VALUES ($1, $2, $3, $4::float8, $5::bigint, $6::timestamptz) "
          "ON CONFLICT (command, family, labels) DO UPDATE SET "
          "sum = metric_histograms.sum + EXCLUDED.sum, count = metric_histograms.count + EXCLUDED.count, "
          "updated_at = EXCLUDED.updated_at",
          Params()
              .text(delta.command)
              .text(delta.family)
              .text(delta.labels)
              .real(delta.sum)
              .integer(as_bigint(delta.count))
              .time(now));
      for (const auto& [le, count] : delta.buckets) {
        connection_.exec("add to histogram bucket " + delta.family,
                         "INSERT INTO metric_histogram_buckets (command, family, labels, le, count) "
                         "VALUES ($1, $2, $3, $4, $5::bigint) ON CONFLICT (command, family, labels, le) "
                         "DO UPDATE SET count = metric_histogram_buckets.count + EXCLUDED.count",
                         Params()
                             .text(delta.command)
                             .text(delta.family)
                             .text(delta.labels)
                             .text(le)
                             .integer(as_bigint(count)));
      }
    }
  });
}

std::vector<CounterValue> PostgresStore::read_counters() {
  const Result result = connection_.exec(
      "read metric counters",
      "SELECT command, family, labels, value FROM metric_counters ORDER BY command, family, labels");
  std::vector<CounterValue> counters;
  for (int row = 0; row < result.rows(); ++row) {
    counters.push_back(
        CounterValue{result.text(row, 0), result.text(row, 1), result.text(row, 2), result.real(row, 3)});
  }
  return counters;
}

std::vector<HistogramValue> PostgresStore::read_histograms() {
  const Result series = connection_.exec(
      "read metric histograms",
      "SELECT command, family, labels, sum, count FROM metric_histograms ORDER BY command, family, labels");
  std::vector<HistogramValue> histograms;
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> index;
  for (int row = 0; row < series.rows(); ++row) {
    HistogramValue value;
    value.command = series.text(row, 0);
    value.family = series.text(row, 1);
    value.labels = series.text(row, 2);
    value.sum = series.real(row, 3);
    value.count = static_cast<std::uint64_t>(series.integer(row, 4));
    index[{value.command, value.family, value.labels}] = histograms.size();
    histograms.push_back(std::move(value));
  }
  const Result buckets =
      connection_.exec("read metric histogram buckets",
                       "SELECT command, family, labels, le, count FROM metric_histogram_buckets");
  for (int row = 0; row < buckets.rows(); ++row) {
    const auto found = index.find({buckets.text(row, 0), buckets.text(row, 1), buckets.text(row, 2)});
    if (found == index.end()) continue;  // a bucket without its series cannot be exposed
    histograms[found->second].buckets.emplace_back(buckets.text(row, 3),
                                                   static_cast<std::uint64_t>(buckets.integer(row, 4)));
  }
  return histograms;
}

}  // namespace pebble::store
