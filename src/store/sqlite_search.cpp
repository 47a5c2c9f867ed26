// SQLite store: how a full-text search meets a newest-first listing. The planner has no idea how
// many rows an FTS5 MATCH finds, so the store asks (a capped count costs a fraction of a
// millisecond) and picks the plan that reads fewer rows.
#include <cmath>

#include "store/sqlite_store_impl.h"

namespace pebble::store {

bool look_up_search_matches(SqliteConnection& connection, const std::string& search_table,
                            const std::string& content_table, const std::string& match,
                            std::optional<std::int64_t> limit) {
  if (!limit) return true;  // every match is wanted anyway
  // Walking the listing's index in order reads about limit × rows / matches entries before it has
  // `limit` matches; looking the matches up reads them all and sorts them. They cost the same
  // when matches = sqrt(limit × rows).
  std::int64_t rows = 0;
  {
    auto statement =
        connection.prepare("size the search", "SELECT coalesce(max(rowid), 0) FROM " + content_table);
    if (statement.step()) rows = statement.integer(0);
  }
  const auto threshold =
      static_cast<std::int64_t>(std::sqrt(static_cast<double>(*limit) * static_cast<double>(rows)));
  auto statement =
      connection.prepare("count search matches", "SELECT count(*) FROM (SELECT rowid FROM " + search_table +
                                                     " WHERE " + search_table + " MATCH ? LIMIT ?)");
  statement.bind_all(match, threshold + 1);
  statement.step();
  return statement.integer(0) <= threshold;
}

}  // namespace pebble::store
