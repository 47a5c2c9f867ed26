#pragma once
// test-metrics' import, export and manage steps (SPEC §9): the real importer, exporter, bookmark
// listing and delete, recording into the self-test's own recorder so every value lands under
// command="test-metrics".
#include <string>

#include <nlohmann/json.hpp>

#include "metrics/recorder.h"
#include "store/store.h"
#include "support/clock.h"

namespace pebble::cli {

// Imports a small built-in ActivityStreams document for `user` through the real importer.
nlohmann::json import_sample_step(store::Store& store, metrics::MetricsRecorder& recorder,
                                  const std::string& user, const support::Clock& clock);

// Exports `user`'s bookmarks through the real exporter into a discarding stream.
nlohmann::json export_sample_step(store::Store& store, metrics::MetricsRecorder& recorder,
                                  const std::string& user, const support::Clock& clock);

// Lists `user`'s bookmarks matching "pebble self-test" through the full-text search, and writes then
// deletes https://example.com/test-delete?run=… (named by `clock` and the process) through the
// delete path `bookmarks delete` uses.
nlohmann::json manage_sample_step(store::Store& store, metrics::MetricsRecorder& recorder,
                                  const std::string& user, const support::Clock& clock);

}  // namespace pebble::cli
