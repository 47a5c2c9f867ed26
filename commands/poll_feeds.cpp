// `pebble poll-feeds [URL...]`: fetch due (or the given) feeds and store their new items (SPEC §6).
// Wiring only: the curl fetcher, the poller, the report and the batch-job ritual.
#include <iostream>
#include <random>
#include <unistd.h>

#include "batch/batch_job.h"
#include "command_table.h"
#include "fetch_flags.h"
#include "http/http_client.h"
#include "http/push_client.h"
#include "metrics/catalogue.h"
#include "poll/poll_report.h"
#include "poll/poller.h"
#include "support/logging.h"
#include "support/stop_signal.h"

namespace pebble::cli {

namespace {

struct PollFeedsOptions {
  std::vector<std::string> urls;
  bool all = false;
  std::optional<std::int64_t> limit;
  FetchFlags fetch;
  std::size_t max_items = 1000;
  bool dry_run = false;
  bool json = false;
};

std::string make_lease_owner() {
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  return std::string(host) + ":" + std::to_string(getpid()) + ":" + std::to_string(std::random_device{}());
}

support::ExitCode run_poll_feeds(const PollFeedsOptions& options, const config::Config& config) {
  const http::FetcherOptions fetch = fetcher_options(options.fetch, config);

  poll::PollOptions poll;
  poll.urls = options.urls;
  poll.all = options.all;
  poll.limit = options.limit;
  poll.dry_run = options.dry_run;
  poll.interval = config.poll_interval;
  poll.batch_size = static_cast<std::size_t>(options.fetch.concurrency);
  poll.max_items = options.max_items;
  poll.retention = config.item_retention;
  // A claimed batch must outlive its slowest transfer: the per-host queue may run the batch in
  // ceil(batch / per_host) rounds of --timeout each; 30 s more for parsing and storing.
  const int rounds = (options.fetch.concurrency + options.fetch.per_host - 1) / options.fetch.per_host + 1;
  poll.lease = std::chrono::seconds(options.fetch.timeout_seconds * rounds + 30);
  poll.lease_owner = make_lease_owner();

  batch::BatchWork work;
  work.dry_run = options.dry_run;
  work.run = [&](batch::BatchContext& context) {
    const auto fetcher = http::make_curl_fetcher(fetch);
    poll::Poller poller(context.store, *fetcher, context.recorder, poll, context.clock);
    const poll::PollSummary summary = poller.run(
        [&](poll::FeedReport& report) {
          if (options.json)
            std::cout << poll::feed_report_json(report).dump(-1, ' ', false,
                                                             nlohmann::json::error_handler_t::replace)
                      << '\n'
                      << std::flush;
        },
        support::stop_flag());
    support::log_summary(poll::poll_summary_text(summary), "poll finished", poll::poll_summary_json(summary));
    // A run that completed is a success even when some feeds failed (exit 0, SPEC §6): their state
    // and feed_polls_total say why, and one dead feed must not freeze
    // pebble_job_last_success_timestamp. SIGINT/SIGTERM make it partial, exit 130.
    if (summary.interrupted)
      return batch::BatchOutcome{batch::JobStatus::kPartial, poll::poll_summary_json(summary),
                                 support::ExitCode::kInterrupted};
    return batch::BatchOutcome{batch::JobStatus::kOk, poll::poll_summary_json(summary),
                               support::ExitCode::kOk};
  };
  http::CurlPushClient pusher;
  return batch::run_batch_job(config, metrics::kCommandPollFeeds, work, pusher);
}

}  // namespace

CommandEntry register_poll_feeds(CLI::App& parent) {
  auto options = std::make_shared<PollFeedsOptions>();
  CLI::App* app = parent.add_subcommand(std::string(metrics::kCommandPollFeeds),
                                        "Fetch due feeds (or the given URLs) and store new items");
  app->add_option("urls", options->urls, "Feed URLs to poll now, subscribing new ones");
  app->add_flag("--all", options->all, "Ignore the schedule: poll every enabled feed");
  app->add_option("--limit", options->limit, "Poll at most N due feeds, oldest due first")
      ->check(CLI::NonNegativeNumber);
  add_fetch_flags(*app, options->fetch, "Limit in bytes on the decompressed body");
  app->add_option("--max-items", options->max_items, "Items taken from one feed per poll, newest first")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 40))
      ->capture_default_str();
  app->add_flag("--dry-run", options->dry_run, "Fetch and parse; store nothing");
  app->add_flag("--json", options->json, "One JSON object per feed on stdout");
  return {app, [options](const config::Config& config) { return run_poll_feeds(*options, config); }};
}

}  // namespace pebble::cli
