// `pebble unfurl [--missing|--all|URL...]`: read --user's bookmark pages and store what they say
// about themselves, filling the bookmarks' empty fields (issue #15). Wiring only: the fetcher, the
// unfurler, its report and the batch-job ritual.
#include <iostream>
#include <set>

#include "batch/batch_job.h"
#include "bookmarks/bookmark_edits.h"
#include "command_table.h"
#include "fetch_flags.h"
#include "http/http_client.h"
#include "http/push_client.h"
#include "listing.h"
#include "metrics/catalogue.h"
#include "support/logging.h"
#include "support/stop_signal.h"
#include "unfurl/unfurl_report.h"
#include "unfurl/unfurler.h"

namespace pebble::cli {

namespace {

struct UnfurlCommandOptions {
  std::vector<std::string> urls;
  bool missing = false;
  bool all = false;
  std::optional<std::int64_t> limit;
  FetchFlags fetch;
  bool overwrite = false;
  bool json = false;
};

// The bookmarks the URLs name, each once, in order; every URL that names none is reported and
// counted in `missing`.
std::vector<store::UnfurlTarget> named_targets(store::Store& store, std::int64_t owner_id,
                                               const std::vector<std::string>& urls,
                                               const config::Config& config, std::size_t& missing) {
  std::vector<store::UnfurlTarget> targets;
  std::set<std::int64_t> ids;
  for (const std::string& url : urls) {
    const auto bookmark = bookmarks::find_bookmark(store, owner_id, url);
    if (!bookmark) {
      report_problem(
          config.log_format, "unfurl",
          "user '" + config.user + "' has no bookmark '" + url + "' (add it with pebble bookmarks add)");
      ++missing;
    } else if (ids.insert(bookmark->id).second) {
      if (auto target = store.unfurl_target(bookmark->id)) targets.push_back(std::move(*target));
    }
  }
  return targets;
}

// 0 when every page was read, 3 when some page failed or some URL named no bookmark, 1 when no URL
// named one; interrupted runs are partial, 130.
batch::BatchOutcome unfurl_outcome(const unfurl::UnfurlSummary& summary, std::size_t missing,
                                   bool none_named) {
  nlohmann::json json = unfurl::unfurl_summary_json(summary);
  json["not_bookmarks"] = missing;
  if (summary.interrupted) return {batch::JobStatus::kPartial, json, support::ExitCode::kInterrupted};
  if (none_named) return {batch::JobStatus::kFailed, json, support::ExitCode::kFailure};
  if (summary.failed() + missing > 0) return {batch::JobStatus::kPartial, json, support::ExitCode::kPartial};
  return {batch::JobStatus::kOk, json, support::ExitCode::kOk};
}

support::ExitCode run_unfurl(const UnfurlCommandOptions& options, const config::Config& config) {
  const http::FetcherOptions fetch = unfurl::page_fetch_options(fetcher_options(options.fetch, config));
  unfurl::UnfurlOptions unfurling;
  unfurling.write.overwrite = options.overwrite;
  unfurling.batch_size = static_cast<std::size_t>(options.fetch.concurrency) * 4;

  batch::BatchWork work;
  work.store_must_exist = true;  // there is nothing to unfurl in a store that is not there
  work.run = [&](batch::BatchContext& context) {
    const auto user = context.store.find_user(config.user);
    if (!user)
      throw support::Error("no user named '" + config.user + "' in the store (set --user or PEBBLE_USER)");
    std::size_t missing = 0;
    std::vector<store::UnfurlTarget> targets;
    if (!options.urls.empty())
      targets = named_targets(context.store, user->id, options.urls, config, missing);
    const auto fetcher = http::make_curl_fetcher(fetch);
    unfurl::Unfurler unfurler(context.store, *fetcher, context.recorder, unfurling, context.clock);
    const auto print = [&](const unfurl::PageReport& report) {
      if (options.json) {
        print_json_line(std::cout, unfurl::page_report_json(report));
      } else if (report.read.status == domain::UnfurlStatus::kSuccess) {
        std::cout << cell_text(unfurl::page_report_line(report)) << '\n';
      }
      std::cout.flush();
    };
    if (options.urls.empty()) {
      unfurler.unfurl_owner(user->id, !options.all, options.limit, print, support::stop_flag());
    } else {
      unfurler.unfurl(targets, print, support::stop_flag());
    }
    const unfurl::UnfurlSummary summary = unfurler.summary();
    support::log_summary(unfurl::unfurl_summary_text(summary), "unfurl finished",
                         unfurl::unfurl_summary_json(summary));
    return unfurl_outcome(summary, missing, !options.urls.empty() && targets.empty());
  };
  http::CurlPushClient pusher;
  return batch::run_batch_job(config, metrics::kCommandUnfurl, work, pusher);
}

}  // namespace

CommandEntry register_unfurl(CLI::App& parent) {
  auto options = std::make_shared<UnfurlCommandOptions>();
  CLI::App* app = parent.add_subcommand(
      std::string(metrics::kCommandUnfurl),
      "Read --user's bookmark pages: title, description, image, icon, feeds; fill empty fields");
  auto* urls = app->add_option("URL", options->urls, "Unfurl these bookmarks (ids or URLs) now");
  auto* missing =
      app->add_flag("--missing", options->missing,
                    "Bookmarks never unfurled, and those whose last try failed for now (default)");
  auto* all = app->add_flag("--all", options->all, "Every bookmark of --user");
  missing->excludes(all)->excludes(urls);
  all->excludes(urls);
  app->add_option("--limit", options->limit, "At most N bookmarks (with --missing or --all), oldest first")
      ->type_name("N")
      ->check(CLI::PositiveNumber);
  add_fetch_flags(*app, options->fetch,
                  "Bytes of a page read (decompressed); a longer page is read from its start");
  app->add_flag("--overwrite", options->overwrite,
                "Also refresh the fields an earlier unfurl filled (never the ones you wrote)");
  app->add_flag("--json", options->json, "One JSON object per page on stdout");
  return {app, [options](const config::Config& config) { return run_unfurl(*options, config); }};
}

}  // namespace pebble::cli
