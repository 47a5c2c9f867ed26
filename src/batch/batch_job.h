#pragma once
// The one runner of pebble's batch commands (poll-feeds, import, export, test-metrics): open the
// store, do the command's work, record the run (a job_runs row committed with the last metric
// deltas) and push the command's cumulative metrics to the Pushgateway (SPEC §8), then exit.
#include <functional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "config/config.h"
#include "http/metrics_pusher.h"
#include "metrics/recorder.h"
#include "store/store.h"
#include "support/clock.h"
#include "support/error.h"

namespace pebble::batch {

// How a batch run ended, as job_runs.status spells it.
enum class JobStatus { kOk, kPartial, kFailed };

// What the work of a command is given.
struct BatchContext {
  // The open store; a dry run's work reads it and writes nothing.
  store::Store& store;
  // The command's recorder: the work flushes it inside its own transactions, the runner with the
  // job run (the last deltas).
  metrics::MetricsRecorder& recorder;
  // The clock the run reads time from; the work passes it on wherever it dates something.
  const support::Clock& clock;
  // What the work has finished so far: if it throws, this is recorded with an "error" key added.
  nlohmann::json summary = nlohmann::json::object();
};

// How the work ended when it returned.
struct BatchOutcome {
  JobStatus status = JobStatus::kOk;
  nlohmann::json summary;  // the job_runs summary
  support::ExitCode code = support::ExitCode::kOk;
};

// A command's work and how the runner treats it.
struct BatchWork {
  // The work itself. A pebble::Error it throws is recorded as a run with the error's message and
  // then rethrown, so that main prints it once and exits with its code.
  std::function<BatchOutcome(BatchContext&)> run;
  // A dry run stores nothing: no job run, no metrics, no push.
  bool dry_run = false;
  // The status recorded for a thrown error whose code is ExitCode::kInterrupted (test-metrics
  // counts its committed steps as a partial run); any other thrown error is a failed run.
  JobStatus interrupted_status = JobStatus::kFailed;
  // The work only reads the store (export): a SQLite file that does not exist is an error, not created.
  bool store_must_exist = false;
  // Runs after the run is recorded and pushed, with whether the push went through (test-metrics
  // reports it and shows the metrics). Not called when the work throws.
  std::function<void(store::Store&, bool pushed)> after_recorded;
};

// Installs the SIGINT/SIGTERM stop flag, opens the store of `config`, runs `work` under `command`
// ("poll-feeds", "import", "export", "test-metrics") and returns its exit code, or 1 when the push
// failed under --push-required. A store that cannot be opened throws before anything is recorded.
support::ExitCode run_batch_job(const config::Config& config, std::string_view command, const BatchWork& work,
                                http::MetricsPusher& pusher,
                                const support::Clock& clock = support::system_clock());

// run_batch_job on a store the caller opened (the tests' sqlite::memory:), from now on `clock`.
support::ExitCode run_batch_job_on(store::Store& store, const config::Config& config,
                                   std::string_view command, const BatchWork& work,
                                   http::MetricsPusher& pusher,
                                   const support::Clock& clock = support::system_clock());

}  // namespace pebble::batch
