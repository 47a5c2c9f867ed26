#pragma once
// The import engine (SPEC §4): reads a bookmark file with the streaming readers, writes it in
// batches (one transaction each, with the import_jobs progress and the metric deltas), and keeps
// the import_jobs row moving pending → processing → completed / failed / cancelled.
#include "bookmarks/import_request.h"
#include "bookmarks/import_stores.h"
#include "metrics/recorder.h"
#include "support/clock.h"

namespace pebble::bookmarks {

// Runs one import into `stores` for request.user, recording into `recorder` (the caller's, so
// test-metrics can record under its own command). Returns the summary of a completed or
// cancelled run (a stop request finishes the current batch first). A root-level problem (an
// unreadable file, not a bookmark file, a bad JSON root) throws pebble::Error naming the file and
// position after marking the job failed; no bookmark has been written then. A dry run writes nothing.
// `clock` dates the job (started, completed) and decides which other jobs are abandoned.
ImportSummary import_bookmarks(ImportStores stores, const ImportRequest& request,
                               metrics::MetricsRecorder& recorder, const support::Clock& clock,
                               const ImportHooks& hooks = {});

}  // namespace pebble::bookmarks
