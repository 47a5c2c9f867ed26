#include "bookmarks/importer.h"

#include <chrono>

#include "bookmarks/import_appliers.h"
#include "bookmarks/import_tally.h"
#include "bookmarks/input_file.h"
#include "formats/bookmark_readers.h"
#include "metrics/catalogue.h"
#include "metrics/row_write_counters.h"

namespace pebble::bookmarks {

namespace {

// Durations for the histograms are intervals, measured on the steady clock; the job's dates come
// from the injected Clock.
using SteadyClock = std::chrono::steady_clock;

constexpr std::size_t kSniffBytes = 4096;

// A pending or processing job whose row has not been touched for this long has lost its process:
// a live import refreshes updated_at at every batch commit, and a batch takes seconds, not minutes.
constexpr std::int64_t kAbandonedAfterMicros = 15LL * 60 * 1000 * 1000;

// Keeps nothing and counts the items: the validating pass wants the reader's root errors and the total.
class CountingSink : public formats::BookmarkSink {
 public:
  void on_bookmark(formats::ParsedBookmark) override { ++count; }
  void on_failure(formats::ItemFailure) override { ++count; }
  std::int64_t count = 0;
};

formats::ReaderOptions reader_options(const ImportRequest& request) {
  formats::ReaderOptions options;
  options.folder_tags = request.folder_tags;
  return options;
}

// Reads the whole file once without writing, so that a root problem found late (truncated JSON, a
// bad root member after `items`) is reported before any batch is committed. Netscape and OPML
// readers report root problems before their first item, so they need no such pass. Returns the
// number of items when the pass ran.
std::optional<std::int64_t> validate_root(InputFile& input, formats::BookmarkFormat format,
                                          const ImportRequest& request) {
  if (format != formats::BookmarkFormat::kActivityStreams && format != formats::BookmarkFormat::kPinboard)
    return std::nullopt;
  CountingSink sink;
  formats::read_bookmarks(input.reopen(), format, reader_options(request), sink);
  return sink.count;
}

double seconds_since(SteadyClock::time_point start) {
  return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

// Reads the whole input into `batcher`, the last partial batch included: "completed", or
// "cancelled" when a stop request ended the read (what was batched so far is applied).
std::string read_all(InputFile& input, formats::BookmarkFormat format, const ImportRequest& request,
                     ImportBatcher& batcher) {
  try {
    formats::read_bookmarks(input.reopen(), format, reader_options(request), batcher);
    batcher.finish();
  } catch (const ImportInterrupted&) {
    return "cancelled";
  }
  return "completed";
}

// Runs the import for an existing job row; the job row ends completed or cancelled.
ImportSummary run_job(ImportStores stores, const ImportRequest& request, metrics::MetricsRecorder& recorder,
                      const support::Clock& clock, const ImportHooks& hooks, InputFile& input,
                      formats::BookmarkFormat format, domain::ImportJob& job, SteadyClock::time_point start) {
  job.total = validate_root(input, format, request);
  {
    store::Transaction transaction(stores.transactions, store::TxMode::kWrite);
    job.status = "processing";
    job.started_at = clock.now();
    stores.import_jobs.update_import_job(job);
    metrics::record_updates(recorder, metrics::kModelImportJob);
    recorder.flush({stores.metrics, stores.transactions});
    transaction.commit();
  }
  ImportSummary summary;
  StoreBatchApplier applier(stores, job, request.duplicates, recorder);
  ImportBatcher batcher(request, hooks, applier, summary.tally, input.size());
  summary.status = read_all(input, format, request, batcher);
  store::Transaction transaction(stores.transactions, store::TxMode::kWrite);
  job.status = summary.status;
  job.total = summary.tally.total;
  job.completed_at = clock.now();
  stores.import_jobs.update_import_job(job);
  metrics::record_updates(recorder, metrics::kModelImportJob);
  const std::string format_label(formats::format_name(format));
  recorder.increment(
      metrics::metric::kImportJobsTotal,
      {{"status", summary.status == "completed" ? "completed" : "failed"}, {"format", format_label}});
  summary.seconds = seconds_since(start);
  recorder.observe(metrics::metric::kImportJobDurationSeconds, {{"format", format_label}}, summary.seconds);
  recorder.flush({stores.metrics, stores.transactions});
  transaction.commit();
  return summary;
}

// Marks the job failed after a root-level problem or a store failure (best effort: the original
// error is what the user must see).
void fail_job(ImportStores stores, domain::ImportJob& job, const std::string& message,
              metrics::MetricsRecorder& recorder, const support::Clock& clock,
              SteadyClock::time_point start) {
  try {
    store::Transaction transaction(stores.transactions, store::TxMode::kWrite);
    job.status = "failed";
    job.error_message = message;
    job.completed_at = clock.now();
    stores.import_jobs.update_import_job(job);
    metrics::record_updates(recorder, metrics::kModelImportJob);
    recorder.increment(metrics::metric::kImportJobsTotal, {{"status", "failed"}, {"format", job.format}});
    recorder.observe(metrics::metric::kImportJobDurationSeconds, {{"format", job.format}},
                     seconds_since(start));
    recorder.flush({stores.metrics, stores.transactions});
    transaction.commit();
  } catch (const std::exception&) {  // the store is the problem; the caller reports the first error
  }
}

ImportSummary run_dry(ImportStores stores, const ImportRequest& request, const ImportHooks& hooks,
                      InputFile& input, formats::BookmarkFormat format, SteadyClock::time_point start) {
  std::optional<std::int64_t> owner_id;
  if (const auto user = stores.bookmarks.find_user(request.user)) owner_id = user->id;
  ImportSummary summary;
  DryRunApplier applier(stores, owner_id, request.duplicates);
  ImportBatcher batcher(request, hooks, applier, summary.tally, input.size());
  summary.status = read_all(input, format, request, batcher);
  summary.seconds = seconds_since(start);
  return summary;
}

}  // namespace

ImportSummary import_bookmarks(ImportStores stores, const ImportRequest& request,
                               metrics::MetricsRecorder& recorder, const support::Clock& clock,
                               const ImportHooks& hooks) {
  const auto start = SteadyClock::now();
  const auto opened = request.document != nullptr
                          ? std::make_unique<InputFile>(request.source, request.document)
                          : std::make_unique<InputFile>(request.source, request.temp_folder);
  InputFile& input = *opened;
  formats::BookmarkFormat format = request.format;
  if (format == formats::BookmarkFormat::kUnknown)
    format = formats::detect_format(input.first_bytes(kSniffBytes));
  const std::string where = input.name() + ": ";

  if (request.dry_run) {
    if (format == formats::BookmarkFormat::kUnknown) {
      throw support::Error(
          where +
          "line 1, byte 0: not a bookmark file: expected Netscape HTML, ActivityStreams JSON, "
          "OPML or Pinboard JSON (use --format to choose)");
    }
    try {
      ImportSummary summary = run_dry(stores, request, hooks, input, format, start);
      summary.source = input.name();
      summary.format = formats::format_name(format);
      summary.dry_run = true;
      return summary;
    } catch (const formats::FormatError& error) {
      throw support::Error(where + error.what());
    }
  }

  domain::ImportJob job;
  {
    store::Transaction transaction(stores.transactions, store::TxMode::kWrite);
    const auto [user, user_created] = stores.bookmarks.get_or_create_user(request.user);
    if (user_created) metrics::record_inserts(recorder, metrics::kModelUser);
    job.user_id = user.id;
    job.source = input.name();
    job.format = formats::format_name(format);
    job.status = "pending";
    job.file_size = static_cast<std::int64_t>(input.size());
    job.options_json = options_json(request);
    stores.import_jobs.create_import_job(job);
    metrics::record_inserts(recorder, metrics::kModelImportJob);
    const std::int64_t abandoned = stores.import_jobs.fail_abandoned_import_jobs(
        job, support::Timestamp{clock.now().micros - kAbandonedAfterMicros},
        "interrupted: the importing process ended without finishing (found by import job " +
            std::to_string(job.id) + ")");
    if (abandoned > 0)
      metrics::record_updates(recorder, metrics::kModelImportJob, static_cast<double>(abandoned));
    recorder.increment(metrics::metric::kImportJobsTotal, {{"status", "started"}, {"format", job.format}});
    recorder.flush({stores.metrics, stores.transactions});
    transaction.commit();
  }
  const std::string job_text = " (import job " + std::to_string(job.id) + " failed)";
  if (format == formats::BookmarkFormat::kUnknown) {
    const std::string message = where +
                                "line 1, byte 0: not a bookmark file: expected Netscape HTML, "
                                "ActivityStreams JSON, OPML or Pinboard JSON (use --format to choose)";
    fail_job(stores, job, message, recorder, clock, start);
    throw support::Error(message + job_text);
  }
  try {
    ImportSummary summary = run_job(stores, request, recorder, clock, hooks, input, format, job, start);
    summary.job_id = job.id;
    summary.source = input.name();
    summary.format = job.format;
    return summary;
  } catch (const formats::FormatError& error) {
    fail_job(stores, job, where + error.what(), recorder, clock, start);
    throw support::Error(where + error.what() + job_text);
  } catch (const std::exception& error) {
    fail_job(stores, job, error.what(), recorder, clock, start);
    throw;
  }
}

}  // namespace pebble::bookmarks
