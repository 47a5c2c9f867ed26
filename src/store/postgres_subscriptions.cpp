// PostgreSQL store: what the feeds commands read and change beyond polling: item counts (kept by the
// statement triggers of migration 3), feed tags and removal of feeds.
#include <set>

#include "store/postgres_store_impl.h"

namespace pebble::store {

std::map<std::int64_t, FeedItemCounts> PostgresStore::feed_item_counts(std::optional<std::int64_t> feed_id) {
  const Result result = connection_.exec(
      "count feed items",
      "SELECT id, item_count, unread_count FROM feeds WHERE $1::bigint IS NULL OR id = $1::bigint",
      Params().integer(feed_id));
  std::map<std::int64_t, FeedItemCounts> counts;
  for (int row = 0; row < result.rows(); ++row)
    counts[result.integer(row, 0)] = {result.integer(row, 1), result.integer(row, 2)};
  return counts;
}

std::map<std::int64_t, std::vector<std::string>> PostgresStore::feed_tags(
    std::optional<std::int64_t> feed_id) {
  // COLLATE "C" sorts by bytes, as std::string and SQLite do.
  const Result result =
      connection_.exec("read feed tags",
                       "SELECT feed_id, name FROM feed_tags WHERE $1::bigint IS NULL OR feed_id = $1::bigint "
                       "ORDER BY feed_id, name COLLATE \"C\"",
                       Params().integer(feed_id));
  std::map<std::int64_t, std::vector<std::string>> tags;
  for (int row = 0; row < result.rows(); ++row) tags[result.integer(row, 0)].push_back(result.text(row, 1));
  return tags;
}

void PostgresStore::set_feed_tags(std::int64_t feed_id, const std::vector<std::string>& names) {
  std::vector<std::string> distinct;
  for (const std::string& name : std::set<std::string>(names.begin(), names.end())) {
    if (!name.empty()) distinct.push_back(name);
  }
  in_transaction("tag feed " + std::to_string(feed_id), [&] {
    connection_.exec("clear the tags of feed " + std::to_string(feed_id),
                     "DELETE FROM feed_tags WHERE feed_id = $1::bigint", Params().integer(feed_id));
    connection_.exec("tag feed " + std::to_string(feed_id),
                     "INSERT INTO feed_tags (feed_id, name) SELECT $1::bigint, unnest($2::text[])",
                     Params().integer(feed_id).text_array(distinct));
  });
}

std::optional<std::int64_t> PostgresStore::delete_feed(std::int64_t feed_id) {
  std::optional<std::int64_t> items;
  in_transaction("delete feed " + std::to_string(feed_id), [&] {
    // Items and tags go by ON DELETE CASCADE; the count is the row's as it was deleted.
    const Result result = connection_.exec("delete feed " + std::to_string(feed_id),
                                           "DELETE FROM feeds WHERE id = $1::bigint RETURNING item_count",
                                           Params().integer(feed_id));
    if (result.rows() > 0) items = result.integer(0, 0);
  });
  return items;
}

}  // namespace pebble::store
