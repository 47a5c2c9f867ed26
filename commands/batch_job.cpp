#include "batch_job.h"

#include <spdlog/spdlog.h>

#include "http/push_client.h"
#include "metrics/catalogue.h"
#include "metrics/exposition.h"

namespace pebble::cli {

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

}  // namespace

BatchJob::BatchJob(const Config& config, std::string command)
    : config_(config),
      command_(command),
      started_at_(now_utc()),
      recorder_(std::move(command), config.metrics) {}

ExitCode BatchJob::finish(Store* store, JobStatus status, const nlohmann::json& summary, ExitCode code) {
  if (store == nullptr) return code;  // the store never opened: nothing to record or push
  try {
    Transaction transaction(*store, TxMode::kWrite);
    JobRun run;
    run.command = command_;
    run.started_at = started_at_;
    run.finished_at = now_utc();
    run.status = status_text(status);
    run.summary_json = summary.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    store->record_job_run(run);
    recorder_.flush(*store);
    transaction.commit();
  } catch (const std::exception& error) {
    spdlog::warn("could not record the {} run: {}", command_, error.what());
  }
  if (!config_.pushgateway_url || !config_.metrics.enabled) return code;
  if (push(*store)) return code;
  return config_.push_required ? ExitCode::kFailure : code;
}

bool BatchJob::push(Store& store) {
  http::PushResult result;
  try {
    const auto body = metrics::render_push_body(store, config_.metrics, command_);
    if (!body) return true;
    http::PushRequest request;
    request.base_url = *config_.pushgateway_url;
    request.grouping = {{"job", "pebble"}, {"command", command_}};
    request.body = *body;
    request.timeout = config_.push_timeout;
    result = http::push_metrics(request);
  } catch (const std::exception& error) {
    result.error = error.what();
  }
  pushed_ = result.ok;
  if (result.ok) {
    spdlog::debug("pushed {} metrics to {}", command_,
                  http::redact_url_credentials(*config_.pushgateway_url));
    return true;
  }
  spdlog::warn("push to the Pushgateway failed after {} attempt(s): {}", result.attempts, result.error);
  recorder_.increment(metrics::metric::kPushgatewayPushFailuresTotal);
  recorder_.flush_in_own_transaction(store);
  return false;
}

}  // namespace pebble::cli
