#pragma once
// Step 6 of `pebble test-metrics`: a built-in page on a loopback HTTP server, added as a bookmark
// of the run's own and unfurled through the real unfurler (page read, fields filled, its feed
// found, unfurl_operations_total and unfurl_duration_seconds recorded), then deleted again.
#include <nlohmann/json.hpp>

#include "metrics/recorder.h"
#include "store/store.h"
#include "support/clock.h"

namespace pebble::cli {

// Runs the step for `user`; throws Error when the page is not read as a healthy unfurler must
// (success, its title and description filled, its feed found).
nlohmann::json unfurl_sample_step(store::Store& store, metrics::MetricsRecorder& recorder,
                                  const std::string& user, const support::Clock& clock);

}  // namespace pebble::cli
