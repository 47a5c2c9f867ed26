// `pebble items [--feed F] [--since WHEN] [--limit N] [--search TEXT] [--unread] [--json]`: the
// stored feed items, newest first; `items mark-read|mark-unread ID...|--feed F|--all` changes
// their read state (recorded under command="items").
#include <iostream>
#include <set>
#include <unistd.h>

#include "batch/batch_job.h"
#include "bookmarks/option_values.h"
#include "command_table.h"
#include "feeds/feed_listing.h"
#include "feeds/item_marks.h"
#include "http/push_client.h"
#include "listing.h"
#include "metrics/catalogue.h"
#include "store/search_text.h"
#include "store_access.h"
#include "write_outcome.h"

namespace pebble::cli {

namespace {

struct ItemsOptions {
  CLI::App* mark_read = nullptr;
  CLI::App* mark_unread = nullptr;
  std::string feed;
  std::string since;
  std::int64_t limit = 0;
  std::optional<std::string> search;
  bool unread = false;
  bool json = false;
  std::vector<std::int64_t> ids;
  std::string mark_feed;
  bool all = false;
};

std::vector<ListColumn> item_columns() {
  return {{"ID", true},         {"DATE"},           {"STATE"}, {"FEED", true}, {"SOURCE", false, 24},
          {"TITLE", false, 60}, {"LINK", false, 60}};
}

std::vector<std::string> item_cells(const store::ListedItem& item, ListFormat format) {
  return {std::to_string(item.id),
          time_cell(item.date, format),
          item.read_at ? "read" : "unread",
          std::to_string(item.feed_id),
          item.feed_title.value_or(item.feed_url),
          item.title.value_or(""),
          item.link.value_or("")};
}

nlohmann::ordered_json item_json(const store::ListedItem& item) {
  return {{"id", item.id},
          {"feed_id", item.feed_id},
          {"feed_url", item.feed_url},
          {"feed_title", text_json(item.feed_title)},
          {"guid", item.guid},
          {"link", text_json(item.link)},
          {"title", text_json(item.title)},
          {"author", text_json(item.author)},
          {"date", time_json(item.date)},
          {"published_at", time_json(item.published_at)},
          {"updated_at", time_json(item.entry_updated_at)},
          {"first_seen_at", time_json(item.first_seen_at)},
          {"read_at", time_json(item.read_at)},
          {"summary", text_json(item.summary)},
          {"content", text_json(item.content)}};
}

// The feed `reference` names; throws Error (exit 1) when none does.
domain::Feed require_feed(store::FeedStore& store, const std::string& reference) {
  auto feed = feeds::find_feed(store, reference);
  if (!feed) throw support::Error("--feed: no feed '" + reference + "' in the store");
  return std::move(*feed);
}

support::ExitCode list_items(const ItemsOptions& options, const config::Config& config) {
  store::ItemQuery query;
  if (!options.since.empty())
    query.since = bookmarks::parse_since(options.since, support::system_clock().now());
  if (options.search && store::search_words(*options.search).empty())
    throw support::UsageError("--search: '" + *options.search + "' holds no word to look for");
  query.search = options.search;
  query.unread_only = options.unread;
  query.limit = optional_limit(options.limit);
  const auto store = open_existing_store(config);
  if (!options.feed.empty()) query.feed_id = require_feed(*store, options.feed).id;
  const ListFormat format = list_format(options.json, isatty(STDOUT_FILENO) != 0);
  ListPrinter printer(format, item_columns(), std::cout);
  store->for_each_item(query, [&](const store::ListedItem& item) {
    printer.add([&] { return item_cells(item, format); }, [&] { return item_json(item); });
  });
  printer.finish();
  return support::ExitCode::kOk;
}

support::ExitCode mark_items(const ItemsOptions& options, bool read, const config::Config& config) {
  const int selectors =
      (options.ids.empty() ? 0 : 1) + (options.mark_feed.empty() ? 0 : 1) + (options.all ? 1 : 0);
  if (selectors != 1) throw support::UsageError("give item ids, --feed FEED or --all (exactly one of them)");
  const std::string command = read ? "items mark-read" : "items mark-unread";
  const char* state = read ? "read" : "unread";
  batch::BatchWork work;
  work.store_must_exist = true;
  work.run = [&](batch::BatchContext& context) {
    store::ItemSelection selection;
    selection.ids = options.ids;
    selection.all = options.all;
    if (!options.mark_feed.empty()) selection.feed_id = require_feed(context.store, options.mark_feed).id;
    const store::MarkResult result =
        feeds::mark_items(context.store, context.recorder, selection, read, context.clock.now());
    WriteTally tally;
    tally.done = static_cast<std::size_t>(result.changed);
    if (!selection.ids.empty()) {
      std::set<std::int64_t> asked(selection.ids.begin(), selection.ids.end());
      for (const std::int64_t id : result.found_ids) asked.erase(id);
      for (const std::int64_t id : asked)
        report_problem(config.log_format, command, "no item " + std::to_string(id) + " in the store");
      tally.failed = asked.size();
      tally.unchanged = result.found_ids.size() - tally.done;
    }
    std::cout << "marked " << tally.done << " item(s) " << state;
    if (tally.unchanged > 0) std::cout << "; " << tally.unchanged << " already " << state;
    std::cout << "\n";
    return write_outcome(tally, {{"marked", tally.done}, {"already", tally.unchanged}, {"state", state}});
  };
  http::CurlPushClient pusher;
  return batch::run_batch_job(config, metrics::kCommandItems, work, pusher);
}

support::ExitCode run_items(const ItemsOptions& options, const config::Config& config) {
  if (options.mark_read->parsed()) return mark_items(options, true, config);
  if (options.mark_unread->parsed()) return mark_items(options, false, config);
  return list_items(options, config);
}

// The selectors mark-read and mark-unread share.
void add_mark_options(CLI::App& app, ItemsOptions& options) {
  app.add_option("ID", options.ids, "Item ids (from pebble items)")->check(CLI::PositiveNumber);
  app.add_option("--feed", options.mark_feed, "Every item of this feed (id or URL)")->type_name("FEED");
  app.add_flag("--all", options.all, "Every item");
}

}  // namespace

CommandEntry register_items(CLI::App& parent) {
  auto options = std::make_shared<ItemsOptions>();
  CLI::App* app = parent.add_subcommand(std::string(metrics::kCommandItems),
                                        "List feed items newest first, search them, mark them read");
  app->require_subcommand(0, 1);
  app->add_option("--feed", options->feed, "Only this feed's items (id or URL)")->type_name("FEED");
  app->add_option("--since", options->since,
                  "Only items dated since WHEN: 90s, 30m, 12h, 7d, 2w, 6mo, 1y or an ISO-8601 date")
      ->type_name("WHEN");
  app->add_option("--limit", options->limit, "Only the newest N items")
      ->type_name("N")
      ->check(CLI::PositiveNumber);
  app->add_option("--search", options->search, "Only items whose title, summary or content hold every word")
      ->type_name("TEXT");
  app->add_flag("--unread", options->unread, "Only items not marked read");
  app->add_flag("--json", options->json, "One JSON object per item");
  options->mark_read = app->add_subcommand("mark-read", "Mark items read");
  add_mark_options(*options->mark_read, *options);
  options->mark_unread = app->add_subcommand("mark-unread", "Mark items unread");
  add_mark_options(*options->mark_unread, *options);
  return {app, [options](const config::Config& config) { return run_items(*options, config); }};
}

}  // namespace pebble::cli
