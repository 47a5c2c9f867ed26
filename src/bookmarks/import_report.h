#pragma once
// The import summary as users see it: one JSON object (--json) or a few human lines (SPEC §4).
#include <string>

#include <nlohmann/json.hpp>

#include "bookmarks/import_request.h"

namespace pebble::bookmarks {

// The summary as one JSON object: job_id, source, format, dry_run, status, counts, failures (the
// first kReportedFailureLimit, each {index, error, url, title}) and duration_seconds.
nlohmann::json summary_json(const ImportSummary& summary);

// The summary as human lines (each ending in '\n'), for stderr.
std::string summary_text(const ImportSummary& summary);

}  // namespace pebble::bookmarks
