// SQLite store: what the feeds commands read and change beyond polling: item counts (kept by the
// triggers of migration 5), feed tags and removal of feeds.
#include <set>

#include "store/sqlite_store_impl.h"

namespace pebble::store {

std::map<std::int64_t, FeedItemCounts> SqliteStore::feed_item_counts(std::optional<std::int64_t> feed_id) {
  auto statement = connection_.prepare(
      "count feed items", "SELECT id, item_count, unread_count FROM feeds WHERE ?1 IS NULL OR id = ?1");
  statement.bind_all(feed_id);
  std::map<std::int64_t, FeedItemCounts> counts;
  while (statement.step()) counts[statement.integer(0)] = {statement.integer(1), statement.integer(2)};
  return counts;
}

std::map<std::int64_t, std::vector<std::string>> SqliteStore::feed_tags(std::optional<std::int64_t> feed_id) {
  auto statement = connection_.prepare("read feed tags",
                                       "SELECT feed_id, name FROM feed_tags WHERE ?1 IS NULL OR feed_id = ?1 "
                                       "ORDER BY feed_id, name");
  statement.bind_all(feed_id);
  std::map<std::int64_t, std::vector<std::string>> tags;
  while (statement.step()) tags[statement.integer(0)].push_back(statement.text(1));
  return tags;
}

void SqliteStore::set_feed_tags(std::int64_t feed_id, const std::vector<std::string>& names) {
  write_atomically([&] {
    connection_.prepare("clear feed tags", "DELETE FROM feed_tags WHERE feed_id = ?").bind_all(feed_id).run();
    for (const std::string& name : std::set<std::string>(names.begin(), names.end())) {
      if (name.empty()) continue;
      connection_.prepare("tag feed", "INSERT INTO feed_tags (feed_id, name) VALUES (?, ?)")
          .bind_all(feed_id, name)
          .run();
    }
  });
}

std::optional<std::int64_t> SqliteStore::delete_feed(std::int64_t feed_id) {
  return write_atomically([&]() -> std::optional<std::int64_t> {
    const auto counts = feed_item_counts(feed_id);
    if (counts.empty()) return std::nullopt;
    // Items and tags go by ON DELETE CASCADE (foreign keys are on for every connection).
    connection_.prepare("delete feed", "DELETE FROM feeds WHERE id = ?").bind_all(feed_id).run();
    return counts.begin()->second.items;
  });
}

}  // namespace pebble::store
