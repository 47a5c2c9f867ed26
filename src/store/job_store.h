#pragma once
// The jobs role of the store (SPEC §2): import jobs, and the job runs behind the pebble_job_*
// gauges. Two interfaces, because the metrics exposition reads job runs but never import jobs.
// Standard library only.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/model.h"
#include "support/time.h"

namespace pebble::store {

// The latest run of one command and its latest successful finish.
struct JobRunSummary {
  domain::JobRun last_run;
  std::optional<support::Timestamp> last_success_at;
};

// Import jobs (one row per import run); every method throws StoreError on failure.
class ImportJobStore {
 public:
  virtual ~ImportJobStore() = default;

  // Import jobs. create sets job.id (and timestamps); update writes every column but user/created_at.
  virtual void create_import_job(domain::ImportJob& job) = 0;
  virtual void update_import_job(const domain::ImportJob& job) = 0;
  virtual std::optional<domain::ImportJob> get_import_job(std::int64_t job_id) = 0;
  // Marks jobs whose process is gone as failed with `reason`: rows other than `current` still pending
  // or processing whose updated_at (refreshed at every batch commit) is before `stale_before`, or that
  // share current's user and source (a rerun of the same file). Returns how many were marked.
  virtual std::int64_t fail_abandoned_import_jobs(const domain::ImportJob& current,
                                                  support::Timestamp stale_before,
                                                  const std::string& reason) = 0;
};

// Job runs (one row per batch command run); every method throws StoreError on failure.
class JobRunStore {
 public:
  virtual ~JobRunStore() = default;

  // Job runs. record sets run.id.
  virtual void record_job_run(domain::JobRun& run) = 0;
  virtual std::vector<JobRunSummary> latest_job_runs() = 0;
};

}  // namespace pebble::store
