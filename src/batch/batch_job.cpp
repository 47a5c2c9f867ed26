// run_batch_job: the ritual once, so the four batch commands cannot drift apart in what they record.
#include "batch/batch_job.h"

#include <string>

#include <spdlog/spdlog.h>

#include "batch/store_options.h"
#include "http/push_client.h"
#include "metrics/catalogue.h"
#include "metrics/exposition.h"
#include "store/open_store.h"
#include "support/logging.h"
#include "support/redact.h"
#include "support/stop_signal.h"

namespace pebble::batch {

namespace {

const char* status_text(JobStatus status) {
  switch (status) {
    case JobStatus::kOk:
      return "ok";
    case JobStatus::kPartial:
      return "partial";
    case JobStatus::kFailed:
      return "failed";
  }
  return "failed";
}

// The end of one run: records it and pushes, exactly once. Never throws: a store or push failure
// is logged and the run's own outcome stands.
class RunFinisher {
 public:
  RunFinisher(store::Store& store, const config::Config& config, std::string_view command,
              http::MetricsPusher& pusher, const support::Clock& clock, support::Timestamp started_at,
              metrics::MetricsRecorder& recorder)
      : store_(store),
        config_(config),
        command_(command),
        pusher_(pusher),
        clock_(clock),
        started_at_(started_at),
        recorder_(recorder) {}

  // Records the run, pushes when a Pushgateway is configured and metrics are on, and returns
  // `code`, or 1 when --push-required and the push failed.
  support::ExitCode finish(JobStatus status, const nlohmann::json& summary, support::ExitCode code) {
    record(status, summary);
    if (!config_.pushgateway_url || !config_.metrics.enabled) return code;
    if (push()) return code;
    return config_.push_required ? support::ExitCode::kFailure : code;
  }

  // Whether finish() pushed a body successfully (false when no push was attempted).
  bool pushed() const { return pushed_; }

 private:
  // The job_runs row and the pending metric deltas, in one transaction.
  void record(JobStatus status, const nlohmann::json& summary) {
    try {
      store::Transaction transaction(store_, store::TxMode::kWrite);
      domain::JobRun run;
      run.command = command_;
      run.started_at = started_at_;
      run.finished_at = clock_.now();
      run.status = status_text(status);
      run.summary_json = summary.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      store_.record_job_run(run);
      recorder_.flush(store_);
      transaction.commit();
    } catch (const std::exception& error) {
      support::log_event(support::LogLevel::kWarn, "could not record the run", {{"error", error.what()}});
    }
  }

  // One push of the command's cumulative metrics; a failure is counted in the store.
  bool push() {
    http::PushResult result;
    try {
      const auto body = metrics::render_push_body(store_, config_.metrics, command_, clock_);
      if (!body) return true;
      http::PushRequest request;
      request.base_url = *config_.pushgateway_url;
      request.grouping = {{"job", "pebble"}, {"command", command_}};
      request.grouping.insert(request.grouping.end(), config_.push_grouping.begin(),
                              config_.push_grouping.end());
      request.body = *body;
      request.timeout = config_.push_timeout;
      result = pusher_.push(request);
    } catch (const std::exception& error) {
      result.error = error.what();
    }
    pushed_ = result.ok;
    if (result.ok) {
      spdlog::debug("pushed {} metrics to {}", command_,
                    support::redact_credentials(*config_.pushgateway_url));
      return true;
    }
    support::log_event(support::LogLevel::kWarn, "push to the Pushgateway failed",
                       {{"attempts", result.attempts}, {"error", result.error}});
    recorder_.increment(metrics::metric::kPushgatewayPushFailuresTotal);
    recorder_.flush_in_own_transaction(store_);
    return false;
  }

  store::Store& store_;
  const config::Config& config_;
  std::string command_;
  http::MetricsPusher& pusher_;
  const support::Clock& clock_;
  support::Timestamp started_at_;
  metrics::MetricsRecorder& recorder_;
  bool pushed_ = false;
};

support::ExitCode run_from(support::Timestamp started_at, store::Store& store, const config::Config& config,
                           std::string_view command, const BatchWork& work, http::MetricsPusher& pusher,
                           const support::Clock& clock) {
  metrics::MetricsRecorder recorder(std::string(command), config.metrics);
  RunFinisher finisher(store, config, command, pusher, clock, started_at, recorder);
  BatchContext context{store, recorder, clock};
  BatchOutcome outcome;
  try {
    outcome = work.run(context);
  } catch (const support::Error& error) {
    if (!work.dry_run) {
      nlohmann::json summary = context.summary;
      summary["error"] = error.what();
      const JobStatus status =
          error.code() == support::ExitCode::kInterrupted ? work.interrupted_status : JobStatus::kFailed;
      // The error's own exit code stands (main prints it); a failed push only adds a warning.
      finisher.finish(status, summary, error.code());
    }
    throw;
  }
  if (work.dry_run) return outcome.code;  // a dry run stores nothing, not even its job run
  const support::ExitCode code = finisher.finish(outcome.status, outcome.summary, outcome.code);
  if (work.after_recorded) work.after_recorded(store, finisher.pushed());
  return code;
}

}  // namespace

support::ExitCode run_batch_job(const config::Config& config, std::string_view command, const BatchWork& work,
                                http::MetricsPusher& pusher, const support::Clock& clock) {
  // SIGINT/SIGTERM set the stop flag the work polls: it commits what it did and ends the run.
  support::install_stop_signal_handlers();
  const support::Timestamp started_at = clock.now();
  store::StoreOptions options = store_options(config);
  options.must_exist = work.store_must_exist;
  const auto store = store::open_store(config.database_url, options);
  return run_from(started_at, *store, config, command, work, pusher, clock);
}

support::ExitCode run_batch_job_on(store::Store& store, const config::Config& config,
                                   std::string_view command, const BatchWork& work,
                                   http::MetricsPusher& pusher, const support::Clock& clock) {
  return run_from(clock.now(), store, config, command, work, pusher, clock);
}

}  // namespace pebble::batch
