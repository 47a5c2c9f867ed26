#pragma once
// What an import is asked to do and what it reports back (SPEC §4).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/model.h"
#include "formats/bookmark_record.h"

namespace pebble::bookmarks {

// One import run's choices.
struct ImportRequest {
  std::string source;                     // a path, or "-" for stdin
  const std::string* document = nullptr;  // when set: read this text, named `source`
  formats::BookmarkFormat format =
      formats::BookmarkFormat::kUnknown;  // kUnknown = sniff the content (--format auto)
  domain::DuplicatePolicy duplicates = domain::DuplicatePolicy::kSkip;
  std::vector<std::string> tags;     // added to every imported bookmark
  bool folder_tags = false;          // Netscape/OPML folder names become tags
  bool dry_run = false;              // judge against the store, write nothing
  std::string user;                  // the owner's username
  std::string temp_folder = "/tmp";  // where a "-" source is copied first (Config::temp_folder)
  // Items per write transaction. Measured on 100 000 bookmarks: 1000 → 15 s, 5000 → 7.7 s, 10000 →
  // 5.8 s (fewer WAL rewrites of the same index pages); 5000 keeps kill -9 reruns and SIGINT
  // responses short and the batch well under 10 MiB.
  std::size_t batch_size = 5000;
};

// Callbacks the caller may give: progress reports and a stop request check (SIGINT/SIGTERM).
struct ImportHooks {
  std::function<void(std::uint64_t bytes_read, std::uint64_t total_bytes, std::uint64_t items)>
      progress;                          // may be empty
  std::function<bool()> stop_requested;  // may be empty
};

// How many stored failure details an import_jobs row keeps; the count covers all of them.
inline constexpr std::size_t kStoredFailureLimit = 1000;
// How many failures the printed summary lists.
inline constexpr std::size_t kReportedFailureLimit = 10;

// Running counts of one import.
struct ImportTally {
  std::int64_t total = 0;  // items seen (bookmarks and failures)
  std::int64_t created = 0;
  std::int64_t updated = 0;
  std::int64_t skipped = 0;
  std::int64_t failed = 0;
  std::int64_t feeds_created = 0;
  std::vector<formats::ItemFailure> failures;  // the first kStoredFailureLimit failures
};

// What one import did.
struct ImportSummary {
  std::int64_t job_id = 0;  // the import_jobs row, 0 for a dry run
  std::string source;
  std::string format;  // the format read (sniffed when --format auto)
  bool dry_run = false;
  std::string status;  // completed, cancelled
  ImportTally tally;
  double seconds = 0;
};

}  // namespace pebble::bookmarks
