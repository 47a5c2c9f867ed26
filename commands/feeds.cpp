// `pebble feeds list|show|add|remove|disable|enable`: see and manage the subscriptions. Reads open
// the store and print (store_access.h); writes run as batch jobs recorded under command="feeds".
#include <iostream>
#include <set>
#include <unistd.h>

#include "batch/batch_job.h"
#include "command_table.h"
#include "domain/feed_url.h"
#include "feeds/feed_changes.h"
#include "feeds/subscribe.h"
#include "feeds_view.h"
#include "http/http_client.h"
#include "http/push_client.h"
#include "metrics/catalogue.h"
#include "store_access.h"
#include "write_outcome.h"

namespace pebble::cli {

namespace {

struct FeedsOptions {
  CLI::App* list = nullptr;
  CLI::App* show = nullptr;
  CLI::App* add = nullptr;
  CLI::App* remove = nullptr;
  CLI::App* disable = nullptr;
  CLI::App* enable = nullptr;
  bool failing = false;
  bool disabled = false;
  bool due = false;
  bool json = false;
  std::string shown;
  std::vector<std::string> add_urls;
  std::vector<std::string> tags;
  int timeout_seconds = 30;
  bool all_feeds = false;
  std::vector<std::string> removed;
  std::vector<std::string> disabled_refs;
  std::string reason = "manual";
  std::vector<std::string> enabled_refs;
};

support::ExitCode list_feeds(const FeedsOptions& options, const config::Config& config) {
  feeds::FeedFilter filter = feeds::FeedFilter::kAll;
  if (options.failing) filter = feeds::FeedFilter::kFailing;
  if (options.disabled) filter = feeds::FeedFilter::kDisabled;
  if (options.due) filter = feeds::FeedFilter::kDue;
  const auto store = open_existing_store(config);
  const ListFormat format = list_format(options.json, isatty(STDOUT_FILENO) != 0);
  ListPrinter printer(format, feed_columns(), std::cout);
  for (const feeds::FeedListing& listing : feeds::list_feeds(*store, filter, support::system_clock().now()))
    printer.add([&] { return feed_cells(listing, format); }, [&] { return feed_json(listing); });
  printer.finish();
  return support::ExitCode::kOk;
}

support::ExitCode show_feed(const FeedsOptions& options, const config::Config& config) {
  const auto store = open_existing_store(config);
  const auto feed = feeds::find_feed(*store, options.shown);
  if (!feed) throw support::Error("no feed '" + options.shown + "' in the store");
  const feeds::FeedListing listing = feeds::describe_feed(*store, *feed);
  if (options.json) {
    print_json_line(std::cout, feed_json(listing));
  } else {
    print_feed_details(std::cout, listing);
  }
  std::cout.flush();
  if (!std::cout) throw support::Error("cannot write to standard output");
  return support::ExitCode::kOk;
}

// The feeds the references name, in order and each once; every reference that names none is
// reported and counted in `missing`.
std::vector<domain::Feed> resolve_feeds(store::FeedStore& store, const std::vector<std::string>& references,
                                        const config::Config& config, const std::string& command,
                                        std::size_t& missing) {
  std::vector<domain::Feed> found;
  std::set<std::int64_t> ids;
  for (const std::string& reference : references) {
    auto feed = feeds::find_feed(store, reference);
    if (!feed) {
      report_problem(config.log_format, command, "no feed '" + reference + "' in the store");
      ++missing;
    } else if (ids.insert(feed->id).second) {
      found.push_back(std::move(*feed));
    }
  }
  return found;
}

// ", announced by PAGE" for a feed found on a page that was asked for, else "".
std::string announced_by(const feeds::SubscribeResult& result) {
  return result.page ? ", announced by " + *result.page : "";
}

support::ExitCode add_feeds(const FeedsOptions& options, const config::Config& config) {
  std::vector<std::string> urls;
  std::set<std::string> seen;
  for (const std::string& given : options.add_urls) {
    std::string url = domain::normalize_feed_url(given);  // a URL that cannot be a feed: exit 2
    if (seen.insert(url).second) urls.push_back(std::move(url));
  }
  for (const std::string& tag : options.tags) {
    if (tag.empty()) throw support::UsageError("--tag: a tag name may not be empty");
  }
  batch::BatchWork work;
  work.run = [&](batch::BatchContext& context) {
    http::FetcherOptions fetch;
    fetch.timeout = std::chrono::seconds(options.timeout_seconds);
    fetch.deny_private_networks = config.deny_private_networks;
    const auto fetcher = http::make_curl_fetcher(fetch);
    feeds::SubscribeOptions subscribe;
    subscribe.tags = options.tags;
    subscribe.interval = config.poll_interval;
    subscribe.retention = config.item_retention;
    subscribe.all_feeds = options.all_feeds;
    const auto results =
        feeds::subscribe_feeds(context.store, *fetcher, context.recorder, urls, subscribe, context.clock);
    WriteTally tally;
    for (const feeds::SubscribeResult& result : results) {
      if (result.status == feeds::SubscribeStatus::kFailed) {
        report_problem(config.log_format, "feeds add", result.error);
        ++tally.failed;
      } else if (result.status == feeds::SubscribeStatus::kAdded) {
        std::cout << "added feed " << result.feed->id << " " << result.feed->url << ": "
                  << cell_text(result.feed->title.value_or("(no title)")) << " (" << result.new_items
                  << " item(s))" << announced_by(result) << "\n";
        ++tally.done;
      } else {
        std::cout << "already subscribed: feed " << result.feed->id << " " << result.feed->url
                  << announced_by(result) << "\n";
        ++tally.unchanged;
      }
    }
    return write_outcome(tally, {{"added", tally.done}, {"already_subscribed", tally.unchanged}});
  };
  http::CurlPushClient pusher;
  return batch::run_batch_job(config, metrics::kCommandFeeds, work, pusher);
}

// remove, disable and enable: resolve the references, change what they name in one transaction.
support::ExitCode change_feeds(
    const std::vector<std::string>& references, const std::string& command, const config::Config& config,
    const std::function<WriteTally(batch::BatchContext&, std::vector<domain::Feed>&)>& change) {
  batch::BatchWork work;
  work.store_must_exist = true;
  work.run = [&](batch::BatchContext& context) {
    WriteTally tally;
    std::vector<domain::Feed> found = resolve_feeds(context.store, references, config, command, tally.failed);
    const WriteTally changed = change(context, found);
    tally.done = changed.done;
    tally.unchanged = changed.unchanged;
    return write_outcome(tally, {{"changed", tally.done}, {"unchanged", tally.unchanged}});
  };
  http::CurlPushClient pusher;
  return batch::run_batch_job(config, metrics::kCommandFeeds, work, pusher);
}

support::ExitCode remove_feeds(const FeedsOptions& options, const config::Config& config) {
  return change_feeds(options.removed, "feeds remove", config, [](batch::BatchContext& context, auto& found) {
    WriteTally tally;
    for (const feeds::RemovedFeed& removed : feeds::remove_feeds(context.store, context.recorder, found)) {
      std::cout << "removed feed " << removed.feed.id << " " << removed.feed.url << " (" << removed.items
                << " item(s) deleted)\n";
      ++tally.done;
    }
    return tally;
  });
}

// Prints what a disable or enable did to each feed and counts it.
WriteTally report_switches(const std::vector<feeds::FeedSwitch>& switches, const std::string& verb) {
  WriteTally tally;
  for (const feeds::FeedSwitch& entry : switches) {
    std::cout << (entry.changed ? verb : "already " + verb) << " feed " << entry.feed.id << " "
              << entry.feed.url;
    if (entry.feed.disabled_reason) std::cout << " (" << cell_text(*entry.feed.disabled_reason) << ")";
    std::cout << "\n";
    ++(entry.changed ? tally.done : tally.unchanged);
  }
  return tally;
}

support::ExitCode disable_feeds(const FeedsOptions& options, const config::Config& config) {
  if (options.reason.empty()) throw support::UsageError("--reason: the reason may not be empty");
  return change_feeds(
      options.disabled_refs, "feeds disable", config, [&](batch::BatchContext& context, auto& found) {
        return report_switches(feeds::disable_feeds(context.store, context.recorder, found, options.reason),
                               "disabled");
      });
}

support::ExitCode enable_feeds(const FeedsOptions& options, const config::Config& config) {
  return change_feeds(
      options.enabled_refs, "feeds enable", config, [](batch::BatchContext& context, auto& found) {
        return report_switches(feeds::enable_feeds(context.store, context.recorder, found), "enabled");
      });
}

support::ExitCode run_feeds(const FeedsOptions& options, const config::Config& config) {
  if (options.list->parsed()) return list_feeds(options, config);
  if (options.show->parsed()) return show_feed(options, config);
  if (options.add->parsed()) return add_feeds(options, config);
  if (options.remove->parsed()) return remove_feeds(options, config);
  if (options.disable->parsed()) return disable_feeds(options, config);
  return enable_feeds(options, config);
}

}  // namespace

CommandEntry register_feeds(CLI::App& parent) {
  auto options = std::make_shared<FeedsOptions>();
  CLI::App* app = parent.add_subcommand(std::string(metrics::kCommandFeeds),
                                        "List, show, add, remove, disable and enable feeds");
  app->require_subcommand(1, 1);

  options->list = app->add_subcommand("list", "List the feeds with their state, counts and last poll");
  auto* failing =
      options->list->add_flag("--failing", options->failing, "Only enabled feeds whose last polls failed");
  auto* disabled = options->list->add_flag("--disabled", options->disabled, "Only disabled feeds");
  auto* due = options->list->add_flag("--due", options->due, "Only enabled feeds due for a poll");
  failing->excludes(disabled)->excludes(due);
  disabled->excludes(due);
  options->list->add_flag("--json", options->json, "One JSON object per feed");

  options->show = app->add_subcommand("show", "Show everything stored about one feed");
  options->show->add_option("FEED", options->shown, "The feed's id or URL")->required();
  options->show->add_flag("--json", options->json, "One JSON object");

  options->add = app->add_subcommand(
      "add", "Subscribe to feeds: each URL must answer with a feed, or a page that announces feeds");
  options->add
      ->add_option("URL", options->add_urls,
                   "http or https feed or page URLs (host/path means http://host/path)")
      ->required();
  options->add->add_flag("--all-feeds", options->all_feeds,
                         "Of a page, subscribe every feed it announces, not the first of each type");
  options->add->add_option("--tag", options->tags, "Give the new feeds this tag (repeatable)")
      ->type_name("TAG")
      ->allow_extra_args(false);
  options->add
      ->add_option("--timeout", options->timeout_seconds, "Seconds the first fetch of each feed may take")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();

  options->remove = app->add_subcommand("remove", "Unsubscribe: delete feeds with their items");
  options->remove->add_option("FEED", options->removed, "Feed ids or URLs")->required();

  options->disable = app->add_subcommand("disable", "Stop polling feeds (they and their items stay)");
  options->disable->add_option("FEED", options->disabled_refs, "Feed ids or URLs")->required();
  options->disable->add_option("--reason", options->reason, "Why, kept in disabled_reason")
      ->type_name("TEXT")
      ->capture_default_str();

  options->enable = app->add_subcommand("enable", "Poll disabled feeds again, from the next poll-feeds run");
  options->enable->add_option("FEED", options->enabled_refs, "Feed ids or URLs")->required();
  return {app, [options](const config::Config& config) { return run_feeds(*options, config); }};
}

}  // namespace pebble::cli
