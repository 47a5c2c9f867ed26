#pragma once
// Bookkeeping shared by the import appliers: recording failures (capped, long fields shortened)
// and the JSON forms of failures and options stored in import_jobs.
#include <string>

#include "bookmarks/import_request.h"

namespace pebble::bookmarks {

// Adds one failed item: counts it and keeps its details while fewer than kStoredFailureLimit are kept.
void add_failure(ImportTally& tally, formats::ItemFailure failure);

// The import_jobs.failed_details JSON: a list of {index, error, url, title}.
std::string failed_details_json(const ImportTally& tally);

// The import_jobs.options JSON of a request.
std::string options_json(const ImportRequest& request);

// The --duplicates spelling of a policy (skip, overwrite, merge).
const char* duplicate_policy_name(domain::DuplicatePolicy policy);

}  // namespace pebble::bookmarks
