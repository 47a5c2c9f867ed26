#pragma once
// How a store-changing command that handles several objects (feeds, items, bookmarks) ends: every
// object done is exit 0, some failed is 3 (partial), all failed is 1; the job run says the same.
#include <cstddef>

#include <nlohmann/json.hpp>

#include "batch/batch_job.h"

namespace pebble::cli {

// What happened to the objects one command was given.
struct WriteTally {
  std::size_t done = 0;       // changed as asked
  std::size_t unchanged = 0;  // already as asked: not a failure
  std::size_t failed = 0;     // not found, or refused
};

// The batch outcome of `tally`, with `summary` (plus a "failed" count) as the job run's summary.
batch::BatchOutcome write_outcome(const WriteTally& tally, nlohmann::json summary);

}  // namespace pebble::cli
