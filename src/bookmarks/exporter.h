#pragma once
// The export engine (SPEC §5): streams one user's bookmarks, newest first, through a format writer
// into a file (atomically) or a stream, and records the export metrics.
#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "formats/bookmark_record.h"
#include "metrics/recorder.h"
#include "store/bookmark_store.h"
#include "support/clock.h"
#include "support/time.h"

namespace pebble::bookmarks {

// What to export and where.
struct ExportRequest {
  std::string user;  // owner's username; must exist
  formats::BookmarkFormat format = formats::BookmarkFormat::kNetscape;
  std::vector<std::string> tags;            // every one must exist for the user; bookmarks carry ALL
  std::optional<support::Timestamp> since;  // created_at >= since
  std::optional<std::int64_t> limit;        // newest N
  bool pretty = false;                      // indented activitystreams JSON
  std::optional<std::string> output_path;   // written atomically; unset = the `out` stream
};

// What an export did.
struct ExportResult {
  std::int64_t items = 0;  // bookmarks written
  double seconds = 0;      // wall time
};

// Runs one export. Records export_operations_total{format,status}, export_duration_seconds and
// export_items_total into `recorder` (the caller flushes it). Throws pebble::Error naming the user,
// the tag or the file; after a failure the output file is untouched. `clock` dates the document's
// header (the export time).
ExportResult export_bookmarks(store::BookmarkStore& store, const ExportRequest& request,
                              metrics::MetricsRecorder& recorder, std::ostream& out,
                              const support::Clock& clock);

// Writes one document through `write` (which returns how many entries it wrote) into
// `output_path` atomically, or into `out`, and records export_operations_total{format,status},
// export_duration_seconds and export_items_total under `format` (the caller flushes). The one way
// every export (bookmarks, subscriptions) meets a file and the metrics.
ExportResult write_export(const std::string& format, const std::optional<std::string>& output_path,
                          std::ostream& out, metrics::MetricsRecorder& recorder,
                          const std::function<std::int64_t(std::ostream&)>& write);

}  // namespace pebble::bookmarks
