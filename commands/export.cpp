// `pebble export [-o FILE]`: write one user's bookmarks as Netscape HTML, ActivityStreams JSON,
// OPML, Markdown or Pinboard JSON (SPEC §5), or with --feeds the subscriptions as OPML. The engines
// are src/bookmarks/exporter.h and subscriptions_export.h; this file wires flags to them.
#include <iostream>

#include <spdlog/spdlog.h>

#include "batch/batch_job.h"
#include "bookmarks/exporter.h"
#include "bookmarks/option_values.h"
#include "bookmarks/subscriptions_export.h"
#include "command_table.h"
#include "http/push_client.h"
#include "metrics/catalogue.h"
#include "support/logging.h"

namespace pebble::cli {

namespace {

struct ExportOptions {
  std::string output;
  std::string format;
  std::vector<std::string> tags;
  std::string since;
  std::int64_t limit = 0;
  bool pretty = false;
  bool feeds = false;
};

// `export --feeds`: the subscriptions as an OPML subscription list, whatever the user.
support::ExitCode run_feeds_export(const ExportOptions& options, const config::Config& config) {
  if (!options.format.empty() && options.format != "opml")
    throw support::UsageError("--feeds: subscriptions are exported as opml, not " + options.format);
  if (!options.tags.empty() || !options.since.empty() || options.limit != 0 || options.pretty)
    throw support::UsageError(
        "--feeds exports every subscription: --tag, --since, --limit and --pretty do not apply");
  std::optional<std::string> output_path;
  if (!options.output.empty() && options.output != "-") output_path = options.output;
  batch::BatchWork work;
  work.store_must_exist = true;
  work.run = [&](batch::BatchContext& context) {
    const bookmarks::ExportResult result = bookmarks::export_subscriptions(
        context.store, output_path, context.recorder, std::cout, context.clock);
    nlohmann::json summary = {{"format", bookmarks::kSubscriptionsFormat},
                              {"feeds", result.items},
                              {"output", output_path.value_or("-")},
                              {"duration_seconds", result.seconds}};
    support::log_summary(fmt::format("exported {} feed(s) as an OPML subscription list to {} in {:.2f} s",
                                     result.items, output_path.value_or("standard output"), result.seconds),
                         "export finished", summary);
    return batch::BatchOutcome{batch::JobStatus::kOk, std::move(summary), support::ExitCode::kOk};
  };
  http::CurlPushClient pusher;
  return batch::run_batch_job(config, metrics::kCommandExport, work, pusher);
}

support::ExitCode run_export(const ExportOptions& options, const config::Config& config) {
  if (options.feeds) return run_feeds_export(options, config);
  bookmarks::ExportRequest request;
  request.user = config.user;
  if (!options.output.empty() && options.output != "-") request.output_path = options.output;
  request.format = options.format.empty()
                       ? (request.output_path ? bookmarks::format_from_file_name(*request.output_path)
                                              : formats::BookmarkFormat::kNetscape)
                       : *bookmarks::parse_export_format(options.format);  // CLI11 checked the name
  request.tags = options.tags;
  if (!options.since.empty())
    request.since = bookmarks::parse_since(options.since, support::system_clock().now());
  if (options.limit != 0) request.limit = options.limit;
  request.pretty = options.pretty;

  batch::BatchWork work;
  work.store_must_exist = true;
  work.run = [&](batch::BatchContext& context) {
    const bookmarks::ExportResult result =
        bookmarks::export_bookmarks(context.store, request, context.recorder, std::cout, context.clock);
    nlohmann::json summary = {{"format", formats::format_name(request.format)},
                              {"items", result.items},
                              {"output", request.output_path.value_or("-")},
                              {"duration_seconds", result.seconds}};
    support::log_summary(fmt::format("exported {} bookmark(s) as {} to {} in {:.2f} s", result.items,
                                     formats::format_name(request.format),
                                     request.output_path.value_or("standard output"), result.seconds),
                         "export finished", summary);
    return batch::BatchOutcome{batch::JobStatus::kOk, std::move(summary), support::ExitCode::kOk};
  };
  http::CurlPushClient pusher;
  return batch::run_batch_job(config, metrics::kCommandExport, work, pusher);
}

}  // namespace

CommandEntry register_export(CLI::App& parent) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* app = parent.add_subcommand(
      std::string(metrics::kCommandExport),
      "Write bookmarks (Netscape, ActivityStreams, OPML, Markdown, Pinboard) or the feeds (OPML)");
  app->add_option("-o,--output", options->output, "Write to FILE atomically instead of standard output")
      ->type_name("FILE");
  app->add_option("--format", options->format,
                  "netscape, activitystreams, opml, markdown or pinboard (default: from the -o extension, "
                  "else netscape)")
      ->check(CLI::IsMember({"netscape", "activitystreams", "opml", "markdown", "pinboard"}));
  app->add_flag("--feeds", options->feeds,
                "Export the feed subscriptions (all of them, with tags and disabled state) as OPML instead");
  app->add_option("--tag", options->tags, "Only bookmarks carrying this tag (repeatable: all of them)")
      ->type_name("TAG")
      ->allow_extra_args(false);
  app->add_option("--since", options->since,
                  "Only bookmarks created since WHEN: 90s, 30m, 12h, 7d, 2w, 6mo, 1y or an ISO-8601 date")
      ->type_name("WHEN");
  app->add_option("--limit", options->limit, "Only the newest N bookmarks (N >= 1)")
      ->type_name("N")
      ->check(CLI::PositiveNumber);
  app->add_flag("--pretty", options->pretty, "Indent activitystreams JSON");
  return {app, [options](const config::Config& config) { return run_export(*options, config); }};
}

}  // namespace pebble::cli
