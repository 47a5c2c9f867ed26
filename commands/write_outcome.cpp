#include "write_outcome.h"

namespace pebble::cli {

batch::BatchOutcome write_outcome(const WriteTally& tally, nlohmann::json summary) {
  summary["failed"] = tally.failed;
  if (tally.failed == 0) return {batch::JobStatus::kOk, std::move(summary), support::ExitCode::kOk};
  if (tally.done + tally.unchanged == 0)
    return {batch::JobStatus::kFailed, std::move(summary), support::ExitCode::kFailure};
  return {batch::JobStatus::kPartial, std::move(summary), support::ExitCode::kPartial};
}

}  // namespace pebble::cli
