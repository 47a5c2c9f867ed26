// `pebble import [FILE|-]`: load bookmarks from Netscape HTML, ActivityStreams JSON, OPML or
// Pinboard JSON (SPEC §4). The engine is src/bookmarks/importer.h; this file wires flags to it.
#include <iostream>

#include "batch/batch_job.h"
#include "bookmarks/import_report.h"
#include "bookmarks/importer.h"
#include "bookmarks/option_values.h"
#include "bookmarks/progress_meter.h"
#include "command_table.h"
#include "http/push_client.h"
#include "metrics/catalogue.h"
#include "support/logging.h"
#include "support/stop_signal.h"

namespace pebble::cli {

namespace {

struct ImportOptions {
  std::string source = "-";
  std::string format = "auto";
  std::string duplicates = "skip";
  std::vector<std::string> tags;
  bool folder_tags = false;
  bool dry_run = false;
  bool json = false;
};

batch::JobStatus job_status(const bookmarks::ImportSummary& summary) {
  if (summary.status != "completed") return batch::JobStatus::kFailed;
  return summary.tally.failed > 0 ? batch::JobStatus::kPartial : batch::JobStatus::kOk;
}

support::ExitCode exit_code(const bookmarks::ImportSummary& summary) {
  if (summary.status != "completed") return support::ExitCode::kInterrupted;
  return summary.tally.failed > 0 ? support::ExitCode::kPartial : support::ExitCode::kOk;
}

support::ExitCode run_import(const ImportOptions& options, const config::Config& config) {
  bookmarks::ImportRequest request;
  request.source = options.source;
  request.format = *bookmarks::parse_import_format(options.format);             // CLI11 checked the name
  request.duplicates = *bookmarks::parse_duplicate_policy(options.duplicates);  // CLI11 checked the name
  request.tags = options.tags;
  request.folder_tags = options.folder_tags;
  request.dry_run = options.dry_run;
  request.user = config.user;
  request.temp_folder = config.temp_folder;
  for (const std::string& tag : request.tags) {
    if (tag.empty()) throw support::UsageError("--tag: a tag name may not be empty");
  }

  batch::BatchWork work;
  work.dry_run = request.dry_run;  // a dry run writes nothing, not even job_runs
  work.run = [&](batch::BatchContext& context) {
    bookmarks::ProgressMeter meter(config.progress, "import");
    bookmarks::ImportHooks hooks;
    hooks.progress = [&meter](std::uint64_t bytes, std::uint64_t total, std::uint64_t items) {
      meter.update(bytes, total, items);
    };
    hooks.stop_requested = [] { return support::stop_requested(); };
    bookmarks::ImportSummary summary;
    try {
      summary = bookmarks::import_bookmarks(context.store, request, context.recorder, context.clock, hooks);
    } catch (const support::Error&) {
      meter.done();  // end the progress line before main prints the error
      throw;
    }
    meter.done();
    nlohmann::json json = bookmarks::summary_json(summary);
    if (options.json) {
      std::cout << json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
    } else {
      std::string text = bookmarks::summary_text(summary);
      if (text.ends_with('\n')) text.pop_back();
      support::log_summary(text, "import finished", json);
    }
    return batch::BatchOutcome{job_status(summary), std::move(json), exit_code(summary)};
  };
  http::CurlPushClient pusher;
  return batch::run_batch_job(config, metrics::kCommandImport, work, pusher);
}

}  // namespace

CommandEntry register_import(CLI::App& parent) {
  auto options = std::make_shared<ImportOptions>();
  CLI::App* app =
      parent.add_subcommand(std::string(metrics::kCommandImport),
                            "Load bookmarks from a Netscape, ActivityStreams, OPML or Pinboard file");
  app->add_option("FILE", options->source, "The file to read, or - for standard input (the default)");
  app->add_option("--format", options->format,
                  "auto (sniff the content), netscape, activitystreams, opml or pinboard")
      ->check(CLI::IsMember({"auto", "netscape", "activitystreams", "opml", "pinboard"}));
  app->add_option("--duplicates", options->duplicates,
                  "An existing bookmark with the same URL: skip, overwrite or merge")
      ->check(CLI::IsMember({"skip", "overwrite", "merge"}));
  app->add_option("--tag", options->tags, "Add this tag to every imported bookmark (repeatable)")
      ->type_name("TAG")
      ->allow_extra_args(false);
  app->add_flag("--folder-tags", options->folder_tags, "Netscape and OPML folder names become tags");
  app->add_flag("--dry-run", options->dry_run,
                "Parse and validate everything, report what would happen, write nothing");
  app->add_flag("--json", options->json, "Print the summary as one JSON object on standard output");
  return {app, [options](const config::Config& config) { return run_import(*options, config); }};
}

}  // namespace pebble::cli
