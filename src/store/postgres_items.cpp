// PostgreSQL store: feed items listed newest first (the date indexes of migration 3), searched
// through the pebble_search_document GIN index, and marked read or unread.
#include "store/postgres_store_impl.h"
#include "store/search_text.h"

namespace pebble::store {

namespace {

// The listing's date: the expression the feed_items_*date_idx indexes hold, so ORDER BY reads an index.
constexpr const char* kItemDate = "coalesce(i.published_at, i.entry_updated_at, i.first_seen_at)";

ListedItem listed_item_from_row(const Result& result, int row) {
  ListedItem item;
  item.id = result.integer(row, 0);
  item.feed_id = result.integer(row, 1);
  item.feed_url = result.text(row, 2);
  item.feed_title = result.optional_text(row, 3);
  item.guid = result.text(row, 4);
  item.link = result.optional_text(row, 5);
  item.title = result.optional_text(row, 6);
  item.author = result.optional_text(row, 7);
  item.summary = result.optional_text(row, 8);
  item.content = result.optional_text(row, 9);
  item.published_at = result.optional_time(row, 10);
  item.entry_updated_at = result.optional_time(row, 11);
  item.first_seen_at = result.time(row, 12);
  item.date = result.time(row, 13);
  item.read_at = result.optional_time(row, 14);
  return item;
}

}  // namespace

void PostgresStore::for_each_item(const ItemQuery& query,
                                  const std::function<void(const ListedItem&)>& visit) {
  Params params;
  params.integer(query.limit);
  std::string sql =
      std::string("SELECT i.id, i.feed_id, f.url, f.title, i.guid, i.link, i.title, i.author, ") +
      "i.summary, i.content, i.published_at, i.entry_updated_at, i.first_seen_at, " + kItemDate +
      ", i.read_at FROM feed_items i JOIN feeds f ON f.id = i.feed_id WHERE true";
  int parameter = 1;
  if (query.feed_id) {
    params.integer(*query.feed_id);
    sql += " AND i.feed_id = $" + std::to_string(++parameter) + "::bigint";
  }
  if (query.since) {
    params.time(*query.since);
    sql += std::string(" AND ") + kItemDate + " >= $" + std::to_string(++parameter) + "::timestamptz";
  }
  if (query.unread_only) sql += " AND i.read_at IS NULL";
  if (query.search) {
    const std::string words = tsquery_text(search_words(*query.search));
    if (words.empty()) return;  // no word to look for finds nothing
    params.text(words);
    // The expression of feed_items_search_idx, so the GIN index answers it.
    sql +=
        " AND pebble_search_document(pebble_reader_text(i.title, i.title_type), "
        "pebble_reader_text(i.summary, i.summary_type), pebble_reader_text(i.content, i.content_type)) "
        "@@ to_tsquery('simple', $" +
        std::to_string(++parameter) + ")";
  }
  sql += std::string(" ORDER BY ") + kItemDate + " DESC, i.id DESC LIMIT $1::bigint";
  stream_rows("feed item", sql, params,
              [&](const Result& result, int row) { visit(listed_item_from_row(result, row)); });
}

MarkResult PostgresStore::mark_items(const ItemSelection& selection,
                                     std::optional<support::Timestamp> read_at) {
  MarkResult result;
  if (selection.ids.empty() && !selection.feed_id && !selection.all) return result;  // marks nothing
  in_transaction("mark feed items", [&] {
    std::string where = "true";
    Params params;
    params.time(read_at);
    if (!selection.ids.empty()) {
      where = "id = ANY($2::bigint[])";
      params.integer_array(selection.ids);
      const Result found = connection_.exec(
          "find feed items", "SELECT id FROM feed_items WHERE id = ANY($1::bigint[]) ORDER BY id",
          Params().integer_array(selection.ids));
      for (int row = 0; row < found.rows(); ++row) result.found_ids.push_back(found.integer(row, 0));
    } else if (selection.feed_id) {
      where = "feed_id = $2::bigint";
      params.integer(*selection.feed_id);
    }
    const std::string state = read_at ? "read_at IS NULL" : "read_at IS NOT NULL";
    const Result updated = connection_.exec(
        "mark feed items", "UPDATE feed_items SET read_at = $1::timestamptz WHERE " + state + " AND " + where,
        params);
    result.changed = updated.affected();
  });
  return result;
}

}  // namespace pebble::store
