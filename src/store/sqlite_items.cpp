// SQLite store: feed items listed newest first (the date indexes of migration 5), searched through
// the FTS5 table feed_items_search, and marked read or unread.
#include <nlohmann/json.hpp>

#include "store/search_text.h"
#include "store/sqlite_store_impl.h"

namespace pebble::store {

namespace {

// The listing's date: the expression the feed_items_*date_idx indexes hold, so ORDER BY reads an index.
constexpr const char* kItemDate = "coalesce(i.published_at, i.entry_updated_at, i.first_seen_at)";

// The statement of `query`; the ? parameters follow in the order for_each_item binds them. With a
// search, `look_up_matches` reads the matches by rowid; otherwise the date index is walked in
// order and the unary + keeps the planner from reading the matches first.
std::string item_query_sql(const ItemQuery& query, bool look_up_matches) {
  // CROSS JOIN keeps feed_items the outer loop, so LIMIT stops an index scan instead of a sort.
  std::string sql =
      std::string("SELECT i.id, i.feed_id, f.url, f.title, i.guid, i.link, i.title, i.author, ") +
      "i.summary, i.content, i.published_at, i.entry_updated_at, i.first_seen_at, " + kItemDate +
      ", i.read_at FROM feed_items i CROSS JOIN feeds f ON f.id = i.feed_id WHERE 1";
  if (query.feed_id) sql += " AND i.feed_id = ?";
  if (query.since) sql += std::string(" AND ") + kItemDate + " >= ?";
  if (query.unread_only) sql += " AND i.read_at IS NULL";
  if (query.search) {
    sql += std::string(look_up_matches ? " AND i.id" : " AND +i.id") +
           " IN (SELECT rowid FROM feed_items_search WHERE feed_items_search MATCH ?)";
  }
  return sql + " ORDER BY " + kItemDate + " DESC, i.id DESC LIMIT ?";
}

ListedItem read_listed_item(const SqliteStatement& statement) {
  ListedItem item;
  item.id = statement.integer(0);
  item.feed_id = statement.integer(1);
  item.feed_url = statement.text(2);
  item.feed_title = statement.optional_text(3);
  item.guid = statement.text(4);
  item.link = statement.optional_text(5);
  item.title = statement.optional_text(6);
  item.author = statement.optional_text(7);
  item.summary = statement.optional_text(8);
  item.content = statement.optional_text(9);
  item.published_at = statement.optional_timestamp(10);
  item.entry_updated_at = statement.optional_timestamp(11);
  item.first_seen_at = statement.timestamp(12);
  item.date = statement.timestamp(13);
  item.read_at = statement.optional_timestamp(14);
  return item;
}

}  // namespace

void SqliteStore::for_each_item(const ItemQuery& query, const std::function<void(const ListedItem&)>& visit) {
  std::string match;
  bool look_up_matches = true;
  if (query.search) {
    match = fts5_query(search_words(*query.search));
    if (match.empty()) return;  // no word to look for finds nothing
    look_up_matches =
        look_up_search_matches(connection_, "feed_items_search", "feed_items", match, query.limit);
  }
  auto statement = connection_.prepare("list feed items", item_query_sql(query, look_up_matches));
  int parameter = 1;
  if (query.feed_id) statement.bind(parameter++, *query.feed_id);
  if (query.since) statement.bind(parameter++, *query.since);
  if (query.search) statement.bind(parameter++, match);
  statement.bind(parameter++, query.limit.value_or(-1));  // a negative LIMIT is none
  while (statement.step()) visit(read_listed_item(statement));
}

MarkResult SqliteStore::mark_items(const ItemSelection& selection,
                                   std::optional<support::Timestamp> read_at) {
  return write_atomically([&] {
    MarkResult result;
    std::string where = "1";
    const std::string ids = nlohmann::json(selection.ids).dump();
    if (!selection.ids.empty()) {
      where = "id IN (SELECT value FROM json_each(?1))";
      auto found =
          connection_.prepare("find feed items", "SELECT id FROM feed_items WHERE " + where + " ORDER BY id");
      found.bind_all(ids);
      while (found.step()) result.found_ids.push_back(found.integer(0));
    } else if (selection.feed_id) {
      where = "feed_id = ?1";
    } else if (!selection.all) {
      return result;  // an empty selection marks nothing
    }
    const std::string sql =
        read_at ? "UPDATE feed_items SET read_at = ?2 WHERE read_at IS NULL AND " + where
                : "UPDATE feed_items SET read_at = NULL WHERE read_at IS NOT NULL AND " + where;
    auto update = connection_.prepare("mark feed items", sql);
    if (!selection.ids.empty()) {
      update.bind(1, ids);
    } else if (selection.feed_id) {
      update.bind(1, *selection.feed_id);
    }
    if (read_at) update.bind(2, *read_at);
    update.run();
    result.changed = connection_.changes();
    return result;
  });
}

}  // namespace pebble::store
