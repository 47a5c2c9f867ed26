// `pebble test-metrics`: an end-to-end self-test that runs the real code paths against the
// configured store and records real metrics under command="test-metrics" (SPEC §9).
#include <iostream>
#include <unistd.h>

#include "batch/batch_job.h"
#include "command_table.h"
#include "domain/url.h"
#include "http/push_client.h"
#include "metrics/catalogue.h"
#include "metrics/row_write_counters.h"
#include "metrics_view.h"
#include "support/stop_signal.h"
#include "test_metrics_bookmarks.h"
#include "test_metrics_poll.h"
#include "test_metrics_unfurl.h"

namespace pebble::cli {

namespace {

constexpr const char* kTestUser = "metrics_test_user";

struct TestMetricsOptions {
  bool show_metrics = false;
};

// Prints one self-test step as it finishes, so a newcomer sees the system work.
void report_step(int number, const std::string& text) {
  std::cout << "[" << number << "] " << text << std::endl;
}

// Step 1: the test user and three bookmarks, created or updated through the store.
nlohmann::json bookmark_step(store::Store& store, metrics::MetricsRecorder& recorder) {
  store::Transaction transaction(store, store::TxMode::kWrite);
  const auto [user, user_created] = store.get_or_create_user(kTestUser);
  if (user_created) metrics::record_inserts(recorder, metrics::kModelUser);
  std::vector<domain::BookmarkInput> inputs;
  for (int i = 1; i <= 3; ++i) {
    domain::BookmarkInput input;
    input.url = "https://example.com/test" + std::to_string(i);
    input.unique_hash = domain::url_unique_hash(input.url);
    input.title = "pebble self-test bookmark " + std::to_string(i);
    input.description = "Written by pebble test-metrics.";
    input.tags = {"pebble-test"};
    inputs.push_back(std::move(input));
  }
  const auto outcomes = store.upsert_bookmarks(user.id, inputs, domain::DuplicatePolicy::kOverwrite);
  metrics::record_bookmark_outcomes(recorder, outcomes, "test");
  recorder.flush(store);
  transaction.commit();
  const auto created = std::count(outcomes.begin(), outcomes.end(), domain::UpsertOutcome::kCreated);
  const auto updated = std::count(outcomes.begin(), outcomes.end(), domain::UpsertOutcome::kUpdated);
  report_step(1, std::string("bookmarks: user ") + kTestUser + (user_created ? " created" : " found") + ", " +
                     std::to_string(created) + " bookmark(s) created, " + std::to_string(updated) +
                     " updated");
  return {{"user_created", user_created}, {"bookmarks_created", created}, {"bookmarks_updated", updated}};
}

// Step 3: a built-in feed on a loopback server, polled twice through the real poller.
nlohmann::json poll_step(store::Store& store, metrics::MetricsRecorder& recorder,
                         const config::Config& config, const support::Clock& clock) {
  const SelfTestPollResult result = run_self_test_poll(store, recorder, config.poll_interval, clock);
  report_step(3, "feeds: polled " + result.feed_url + ": " + std::to_string(result.first_new_items) +
                     " new item(s), then " + poll::poll_status_name(result.second_status) +
                     "; test feeds kept disabled");
  return {{"feed_url", result.feed_url},
          {"new_items", result.first_new_items},
          {"second_poll", poll::poll_status_name(result.second_status)}};
}

// SIGINT/SIGTERM end the self-test once the step under way is done: every step commits its own
// transaction, so what ran stays recorded, and the run ends with exit 130 (SPEC §1.2).
void stop_if_requested(int finished_step) {
  if (support::stop_requested()) {
    throw support::Error(
        "interrupted after step " + std::to_string(finished_step) + ", whose work is committed",
        support::ExitCode::kInterrupted);
  }
}

support::ExitCode run_test_metrics(const TestMetricsOptions& options, const config::Config& config) {
  batch::BatchWork work;
  // An interrupted self-test keeps the steps it committed: a partial run, exit 130.
  work.interrupted_status = batch::JobStatus::kPartial;
  work.run = [&](batch::BatchContext& context) {
    store::Store& store = context.store;
    nlohmann::json& summary = context.summary;  // recorded with the error if a step throws
    summary["bookmarks"] = bookmark_step(store, context.recorder);
    stop_if_requested(1);
    summary["import"] = import_sample_step(store, context.recorder, kTestUser, context.clock);
    report_step(2, "import: " + summary["import"]["total"].dump() +
                       " item(s) through the real importer, job " + summary["import"]["job_id"].dump());
    stop_if_requested(2);
    summary["feeds"] = poll_step(store, context.recorder, config, context.clock);
    stop_if_requested(3);
    summary["export"] = export_sample_step(store, context.recorder, kTestUser, context.clock);
    report_step(4, "export: " + summary["export"]["netscape"]["items"].dump() +
                       " bookmark(s) through the real exporter (netscape, activitystreams), discarded");
    stop_if_requested(4);
    summary["manage"] = manage_sample_step(store, context.recorder, kTestUser, context.clock);
    report_step(5, "manage: listed " + summary["manage"]["listed"].dump() +
                       " bookmark(s) through the full-text search, deleted " +
                       summary["manage"]["deleted"].dump() + " through the real delete path");
    stop_if_requested(5);
    summary["unfurl"] = unfurl_sample_step(store, context.recorder, kTestUser, context.clock);
    report_step(6, "unfurl: read " + summary["unfurl"]["page_url"].get<std::string>() +
                       " through the real unfurler: title " + summary["unfurl"]["title"].dump() + ", " +
                       summary["unfurl"]["feeds"].dump() +
                       " feed(s) announced; its bookmark filled, then deleted");
    return batch::BatchOutcome{batch::JobStatus::kOk, summary, support::ExitCode::kOk};
  };
  work.after_recorded = [&](store::Store& store, bool pushed) {
    std::string push_text = ", no Pushgateway configured";
    if (config.pushgateway_url) push_text = pushed ? ", metrics pushed to the Pushgateway" : ", push FAILED";
    report_step(7, "job run recorded" + push_text);
    if (options.show_metrics) {
      std::cout << "\n"
                << render_families(store_families(store, config.metrics, support::system_clock()),
                                   default_metrics_format(isatty(STDOUT_FILENO) != 0));
    }
  };
  http::CurlPushClient pusher;
  return batch::run_batch_job(config, metrics::kCommandTestMetrics, work, pusher);
}

}  // namespace

CommandEntry register_test_metrics(CLI::App& parent) {
  auto options = std::make_shared<TestMetricsOptions>();
  CLI::App* app = parent.add_subcommand(std::string(metrics::kCommandTestMetrics),
                                        "Self-test: run the real code paths and record real metrics");
  app->add_flag("--show-metrics", options->show_metrics,
                "Print the metrics afterwards, as metrics-show would");
  return {app, [options](const config::Config& config) { return run_test_metrics(*options, config); }};
}

}  // namespace pebble::cli
