#pragma once
// The end-of-run ritual every batch command shares (SPEC §8): a job_runs row committed with the
// last metric deltas, then one push of the command's cumulative metrics to the Pushgateway.
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "config/config.h"
#include "metrics/recorder.h"
#include "store/store.h"
#include "support/error.h"

namespace pebble::cli {

// How a batch run ended, as job_runs.status spells it.
enum class JobStatus { kOk, kPartial, kFailed };

// One run of a batch command: owns its metrics recorder and finishes the run exactly once.
class BatchJob {
 public:
  BatchJob(const Config& config, std::string command);

  // The recorder the command's work records into (flushed inside the work's own transactions).
  metrics::MetricsRecorder& recorder() { return recorder_; }
  // When the run started.
  Timestamp started_at() const { return started_at_; }
  // Whether finish() pushed successfully (false when no push was attempted).
  bool pushed() const { return pushed_; }

  // Records the job run (and any pending metric deltas) in `store`, pushes when a Pushgateway is
  // configured, and returns the exit code: `code`, or 1 when --push-required and the push failed.
  // Never throws: a store or push failure is logged, the run's own outcome stands.
  ExitCode finish(Store* store, JobStatus status, const nlohmann::json& summary, ExitCode code);

 private:
  bool push(Store& store);

  const Config& config_;
  std::string command_;
  Timestamp started_at_;
  metrics::MetricsRecorder recorder_;
  bool pushed_ = false;
};

}  // namespace pebble::cli
