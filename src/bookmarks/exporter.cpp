#include "bookmarks/exporter.h"

#include <chrono>

#include "bookmarks/atomic_file.h"
#include "formats/bookmark_writer.h"
#include "metrics/catalogue.h"
#include "support/error.h"
#include "support/stop_signal.h"

namespace pebble::bookmarks {

namespace {

// The store query of `request`, after checking that the user and every tag exist.
store::BookmarkQuery resolve_query(store::BookmarkStore& store, const ExportRequest& request) {
  const auto user = store.find_user(request.user);
  if (!user)
    throw support::Error("no user named '" + request.user + "' in the store (set --user or PEBBLE_USER)");
  for (const std::string& tag : request.tags) {
    if (!store.find_tag(user->id, tag))
      throw support::Error("--tag: user '" + request.user + "' has no tag '" + tag + "'");
  }
  store::BookmarkQuery query;
  query.owner_id = user->id;
  query.tags_all = request.tags;
  query.since = request.since;
  query.limit = request.limit;
  return query;
}

// Throws when the export must stop: SIGINT/SIGTERM arrived (a signal also interrupts a write blocked
// on a full pipe, so it is asked first) or the output failed. Throwing out of the write leaves an -o
// target as it was and removes its temporary file.
void check_output(const std::ostream& out, std::int64_t items) {
  if (support::stop_requested())
    throw support::Error("interrupted after " + std::to_string(items) + " bookmark(s)",
                         support::ExitCode::kInterrupted);
  if (!out) throw support::Error("write failed after " + std::to_string(items) + " bookmark(s)");
}

// Writes the whole document into `out`; returns the number of bookmarks written.
std::int64_t write_document(store::BookmarkStore& store, const ExportRequest& request,
                            const store::BookmarkQuery& query, std::ostream& out,
                            support::Timestamp exported_at) {
  formats::WriterOptions options;
  options.pretty = request.pretty;
  auto writer = formats::make_bookmark_writer(request.format, out, options);
  writer->begin(formats::ExportHeader{request.user, exported_at});
  std::int64_t items = 0;
  store.for_each_bookmark(query, [&](const domain::Bookmark& bookmark) {
    writer->write(bookmark);
    if (!bookmark.url.empty()) ++items;
    check_output(out, items);
  });
  writer->finish();
  out.flush();
  if (!out) throw support::Error("write failed after " + std::to_string(items) + " bookmark(s)");
  return items;
}

}  // namespace

ExportResult write_export(const std::string& format, const std::optional<std::string>& output_path,
                          std::ostream& out, metrics::MetricsRecorder& recorder,
                          const std::function<std::int64_t(std::ostream&)>& write) {
  // The duration is an interval (steady clock); a document's own date comes from the caller's clock.
  const auto started = std::chrono::steady_clock::now();
  ExportResult result;
  try {
    if (output_path) {
      AtomicFile file(*output_path);
      try {
        result.items = write(file.stream());
      } catch (const support::StoreError&) {
        throw;
      } catch (const support::Error& error) {
        throw support::Error("cannot write " + *output_path + ": " + error.what(), error.code());
      }
      file.commit();
    } else {
      result.items = write(out);
    }
  } catch (...) {
    recorder.increment(metrics::metric::kExportOperationsTotal, {{"format", format}, {"status", "failed"}});
    throw;
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  recorder.increment(metrics::metric::kExportOperationsTotal, {{"format", format}, {"status", "ok"}});
  recorder.observe(metrics::metric::kExportDurationSeconds, {{"format", format}}, result.seconds);
  recorder.increment(metrics::metric::kExportItemsTotal, {{"format", format}},
                     static_cast<double>(result.items));
  return result;
}

ExportResult export_bookmarks(store::BookmarkStore& store, const ExportRequest& request,
                              metrics::MetricsRecorder& recorder, std::ostream& out,
                              const support::Clock& clock) {
  const std::string format(formats::format_name(request.format));
  store::BookmarkQuery query;
  try {
    query = resolve_query(store, request);
  } catch (...) {  // an unknown user or tag is a failed export, before any file is touched
    recorder.increment(metrics::metric::kExportOperationsTotal, {{"format", format}, {"status", "failed"}});
    throw;
  }
  return write_export(format, request.output_path, out, recorder, [&](std::ostream& stream) {
    return write_document(store, request, query, stream, clock.now());
  });
}

}  // namespace pebble::bookmarks
