#pragma once
// test-metrics' import and export steps (SPEC §9): the real importer and exporter, recording into
// the self-test's own recorder so every value lands under command="test-metrics".
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

}  // namespace pebble::cli
