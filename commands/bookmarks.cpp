// `pebble bookmarks list|add|tag|untag|delete`: one user's (--user) bookmarks. list reads the store
// and prints (store_access.h); the writes run as batch jobs recorded under command="bookmarks".
#include <iostream>
#include <set>
#include <unistd.h>

#include "batch/batch_job.h"
#include "bookmarks/bookmark_edits.h"
#include "bookmarks/option_values.h"
#include "command_table.h"
#include "domain/feed_url.h"
#include "http/http_client.h"
#include "http/push_client.h"
#include "listing.h"
#include "metrics/catalogue.h"
#include "store/search_text.h"
#include "store_access.h"
#include "support/stop_signal.h"
#include "unfurl/unfurl_report.h"
#include "unfurl/unfurler.h"
#include "write_outcome.h"

namespace pebble::cli {

namespace {

struct BookmarksOptions {
  CLI::App* list = nullptr;
  CLI::App* add = nullptr;
  CLI::App* tag = nullptr;
  CLI::App* untag = nullptr;
  CLI::App* remove = nullptr;
  std::vector<std::string> tags;
  std::optional<std::string> search;
  std::string since;
  std::int64_t limit = 0;
  bool json = false;
  std::string url;
  std::optional<std::string> title;
  std::optional<std::string> description;
  bool no_unfurl = false;
  std::string target;
  std::vector<std::string> names;
  std::vector<std::string> references;
};

std::vector<ListColumn> bookmark_columns() {
  return {{"ID", true}, {"CREATED"}, {"TAGS", false, 30}, {"URL", false, 60}, {"TITLE", false, 60}};
}

nlohmann::ordered_json bookmark_json(const domain::Bookmark& bookmark) {
  return {{"id", bookmark.id},
          {"url", bookmark.url},
          {"title", bookmark.title},
          {"description", text_json(bookmark.description)},
          {"tags", bookmark.tags},
          {"feed_url", text_json(bookmark.feed_url)},
          {"private", bookmark.is_private},
          {"to_read", bookmark.to_read},
          {"created_at", time_json(bookmark.created_at)},
          {"updated_at", time_json(bookmark.updated_at)}};
}

void check_tag_names(const std::vector<std::string>& names, const std::string& what) {
  for (const std::string& name : names) {
    if (name.empty()) throw support::UsageError(what + ": a tag name may not be empty");
  }
}

// The user the listing is for; throws Error naming it when the store has no such user.
domain::User require_user(store::BookmarkStore& store, const std::string& name) {
  auto user = store.find_user(name);
  if (!user) throw support::Error("no user named '" + name + "' in the store (set --user or PEBBLE_USER)");
  return std::move(*user);
}

support::ExitCode list_bookmarks(const BookmarksOptions& options, const config::Config& config) {
  store::BookmarkQuery query;
  if (!options.since.empty())
    query.since = bookmarks::parse_since(options.since, support::system_clock().now());
  if (options.search && store::search_words(*options.search).empty())
    throw support::UsageError("--search: '" + *options.search + "' holds no word to look for");
  check_tag_names(options.tags, "--tag");
  query.search = options.search;
  query.limit = optional_limit(options.limit);
  query.tags_all = options.tags;
  const auto store = open_existing_store(config);
  query.owner_id = require_user(*store, config.user).id;
  for (const std::string& tag : options.tags) {  // a typo'd tag is an error, not an empty list
    if (!store->find_tag(query.owner_id, tag))
      throw support::Error("--tag: user '" + config.user + "' has no tag '" + tag + "'");
  }
  const ListFormat format = list_format(options.json, isatty(STDOUT_FILENO) != 0);
  ListPrinter printer(format, bookmark_columns(), std::cout);
  store->for_each_bookmark(query, [&](const domain::Bookmark& bookmark) {
    printer.add(
        [&]() -> std::vector<std::string> {
          return {std::to_string(bookmark.id), time_cell(bookmark.created_at, format),
                  tags_cell(bookmark.tags, format), bookmark.url, bookmark.title};
        },
        [&] { return bookmark_json(bookmark); });
  });
  printer.finish();
  return support::ExitCode::kOk;
}

// Runs a bookmark write as a batch job under command="bookmarks"; the store must exist unless adding.
support::ExitCode run_write(const config::Config& config, bool creates,
                            const std::function<WriteTally(batch::BatchContext&)>& write) {
  batch::BatchWork work;
  work.store_must_exist = !creates;
  work.run = [&](batch::BatchContext& context) {
    const WriteTally tally = write(context);
    return write_outcome(tally, {{"changed", tally.done}, {"unchanged", tally.unchanged}});
  };
  http::CurlPushClient pusher;
  return batch::run_batch_job(config, metrics::kCommandBookmarks, work, pusher);
}

// Reads the page of a bookmark just added, as `pebble unfurl` would, to fill what was not given;
// prints what it found, or leaves a warning when the page could not be read (the bookmark stays).
void unfurl_new_bookmark(batch::BatchContext& context, const config::Config& config,
                         std::int64_t bookmark_id) {
  const auto target = context.store.unfurl_target(bookmark_id);
  if (!target) return;
  http::FetcherOptions fetch;
  fetch.deny_private_networks = config.deny_private_networks;
  const auto fetcher = http::make_curl_fetcher(unfurl::page_fetch_options(fetch));
  unfurl::UnfurlOptions unfurling;
  unfurling.write.source = "cli";
  unfurl::Unfurler(context.store, *fetcher, context.recorder, unfurling, context.clock)
      .unfurl(
          {*target},
          [](const unfurl::PageReport& report) {
            if (report.read.status == domain::UnfurlStatus::kSuccess)
              std::cout << cell_text(unfurl::page_report_line(report)) << "\n";
          },
          support::stop_flag());
}

support::ExitCode add_bookmark(const BookmarksOptions& options, const config::Config& config) {
  check_tag_names(options.tags, "--tag");
  bookmarks::NewBookmark request;
  request.url = domain::absolute_http_url(options.url);  // not an http(s) URL: exit 2
  request.title = options.title;
  request.description = options.description;
  request.tags = options.tags;
  return run_write(config, true, [&](batch::BatchContext& context) {
    const auto [outcome, bookmark] =
        bookmarks::add_bookmark(context.store, context.recorder, config.user, request);
    const char* verb = outcome == bookmarks::AddOutcome::kCreated   ? "added"
                       : outcome == bookmarks::AddOutcome::kUpdated ? "updated"
                                                                    : "unchanged";
    std::cout << verb << " bookmark " << bookmark.id << " " << bookmark.url << "\n";
    const bool given_all = request.title && request.description;
    if (outcome == bookmarks::AddOutcome::kCreated && !given_all && !options.no_unfurl)
      unfurl_new_bookmark(context, config, bookmark.id);
    WriteTally tally;
    ++(outcome == bookmarks::AddOutcome::kUnchanged ? tally.unchanged : tally.done);
    return tally;
  });
}

// The user's bookmark `reference` names, or nullopt after reporting it.
std::optional<domain::Bookmark> resolve_bookmark(store::BookmarkStore& store, const config::Config& config,
                                                 const std::string& command, const std::string& reference) {
  const auto user = store.find_user(config.user);
  std::optional<domain::Bookmark> bookmark;
  if (user) bookmark = bookmarks::find_bookmark(store, user->id, reference);
  if (!bookmark)
    report_problem(config.log_format, command,
                   "user '" + config.user + "' has no bookmark '" + reference + "'");
  return bookmark;
}

support::ExitCode retag_bookmark(const BookmarksOptions& options, bool add, const config::Config& config) {
  check_tag_names(options.names, "TAG");
  const std::string command = add ? "bookmarks tag" : "bookmarks untag";
  return run_write(config, false, [&](batch::BatchContext& context) {
    WriteTally tally;
    const auto bookmark = resolve_bookmark(context.store, config, command, options.target);
    if (!bookmark) {
      ++tally.failed;
      return tally;
    }
    const std::int64_t changed =
        bookmarks::retag_bookmark(context.store, context.recorder, *bookmark, options.names, add);
    std::cout << (add ? "tagged" : "untagged") << " bookmark " << bookmark->id << " " << bookmark->url << ": "
              << changed << " tag(s) " << (add ? "added" : "removed") << "\n";
    ++(changed > 0 ? tally.done : tally.unchanged);
    return tally;
  });
}

support::ExitCode delete_bookmarks(const BookmarksOptions& options, const config::Config& config) {
  return run_write(config, false, [&](batch::BatchContext& context) {
    WriteTally tally;
    std::vector<domain::Bookmark> found;
    std::set<std::int64_t> ids;
    for (const std::string& reference : options.references) {
      auto bookmark = resolve_bookmark(context.store, config, "bookmarks delete", reference);
      if (!bookmark) {
        ++tally.failed;
      } else if (ids.insert(bookmark->id).second) {
        found.push_back(std::move(*bookmark));
      }
    }
    for (const domain::Bookmark& deleted :
         bookmarks::delete_bookmarks(context.store, context.recorder, found, "cli")) {
      std::cout << "deleted bookmark " << deleted.id << " " << deleted.url << "\n";
      ++tally.done;
    }
    return tally;
  });
}

support::ExitCode run_bookmarks(const BookmarksOptions& options, const config::Config& config) {
  if (options.list->parsed()) return list_bookmarks(options, config);
  if (options.add->parsed()) return add_bookmark(options, config);
  if (options.tag->parsed()) return retag_bookmark(options, true, config);
  if (options.untag->parsed()) return retag_bookmark(options, false, config);
  return delete_bookmarks(options, config);
}

}  // namespace

CommandEntry register_bookmarks(CLI::App& parent) {
  auto options = std::make_shared<BookmarksOptions>();
  CLI::App* app = parent.add_subcommand(std::string(metrics::kCommandBookmarks),
                                        "List, search, add, tag, untag and delete the --user's bookmarks");
  app->require_subcommand(1, 1);

  options->list = app->add_subcommand("list", "List bookmarks newest first");
  options->list
      ->add_option("--tag", options->tags, "Only bookmarks carrying this tag (repeatable: all of them)")
      ->type_name("TAG")
      ->allow_extra_args(false);
  options->list
      ->add_option("--search", options->search,
                   "Only bookmarks whose title, description or URL hold every word")
      ->type_name("TEXT");
  options->list
      ->add_option("--since", options->since,
                   "Only bookmarks created since WHEN: 90s, 30m, 12h, 7d, 2w, 6mo, 1y or an ISO-8601 date")
      ->type_name("WHEN");
  options->list->add_option("--limit", options->limit, "Only the newest N bookmarks")
      ->type_name("N")
      ->check(CLI::PositiveNumber);
  options->list->add_flag("--json", options->json, "One JSON object per bookmark");

  options->add = app->add_subcommand("add", "Add a bookmark, or update the one with the same URL");
  options->add->add_option("URL", options->url, "An http or https URL (host/path means http://host/path)")
      ->required();
  options->add->add_option("--title", options->title, "The title (default: the page's)")->type_name("TEXT");
  options->add->add_option("--description", options->description, "The description (default: the page's)")
      ->type_name("TEXT");
  options->add->add_flag("--no-unfurl", options->no_unfurl,
                         "Do not read the page for what --title and --description do not give");
  options->add->add_option("--tag", options->tags, "A tag (repeatable)")
      ->type_name("TAG")
      ->allow_extra_args(false);

  options->tag = app->add_subcommand("tag", "Add tags to a bookmark");
  options->tag->add_option("BOOKMARK", options->target, "The bookmark's id or URL")->required();
  options->tag->add_option("TAG", options->names, "Tags to add")->required();
  options->untag = app->add_subcommand("untag", "Remove tags from a bookmark (the tags themselves stay)");
  options->untag->add_option("BOOKMARK", options->target, "The bookmark's id or URL")->required();
  options->untag->add_option("TAG", options->names, "Tags to remove")->required();

  options->remove = app->add_subcommand("delete", "Delete bookmarks");
  options->remove->add_option("BOOKMARK", options->references, "Bookmark ids or URLs")->required();
  return {app, [options](const config::Config& config) { return run_bookmarks(*options, config); }};
}

}  // namespace pebble::cli
