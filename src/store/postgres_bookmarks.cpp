// Bookmarks and their tags in PostgreSQL: upserts by duplicate policy, lookups and cursor streaming.
#include <algorithm>
#include <set>

#include "store/postgres_store_impl.h"
#include "store/search_text.h"
#include "support/error.h"

namespace pebble::store {

namespace {

// Non-empty names, each once, in first-seen order.
std::vector<std::string> distinct_tag_names(const std::vector<std::string>& names) {
  std::vector<std::string> distinct;
  std::set<std::string> seen;
  for (const std::string& name : names) {
    if (!name.empty() && seen.insert(name).second) distinct.push_back(name);
  }
  return distinct;
}

// Splits the \x1f-joined tag list of kBookmarkColumns.
std::vector<std::string> split_tags(const std::optional<std::string>& joined) {
  std::vector<std::string> names;
  if (!joined) return names;
  std::size_t start = 0;
  for (std::size_t end = joined->find('\x1f'); end != std::string::npos; end = joined->find('\x1f', start)) {
    names.push_back(joined->substr(start, end - start));
    start = end + 1;
  }
  names.push_back(joined->substr(start));
  return names;
}

}  // namespace

// Tags come in the same row (no query per bookmark); COLLATE "C" sorts by bytes like std::string.
const char* const kBookmarkColumns =
    "b.id, b.owner_id, b.url, b.unique_hash, b.title, b.description, b.feed_url, b.private, b.to_read, "
    "b.created_at, b.updated_at, "
    "(SELECT string_agg(t.name, E'\\x1f' ORDER BY t.name COLLATE \"C\") FROM bookmark_tags bt "
    "JOIN tags t ON t.id = bt.tag_id WHERE bt.bookmark_id = b.id)";

domain::Bookmark bookmark_from_row(const Result& result, int row) {
  domain::Bookmark bookmark;
  bookmark.id = result.integer(row, 0);
  bookmark.owner_id = result.integer(row, 1);
  bookmark.url = result.text(row, 2);
  bookmark.unique_hash = result.text(row, 3);
  bookmark.title = result.text(row, 4);
  bookmark.description = result.optional_text(row, 5);
  bookmark.feed_url = result.optional_text(row, 6);
  bookmark.is_private = result.boolean(row, 7);
  bookmark.to_read = result.boolean(row, 8);
  bookmark.created_at = result.time(row, 9);
  bookmark.updated_at = result.time(row, 10);
  bookmark.tags = split_tags(result.optional_text(row, 11));
  return bookmark;
}

domain::UpsertOutcome PostgresStore::update_existing_bookmark(std::int64_t owner_id,
                                                              const domain::BookmarkInput& input,
                                                              domain::DuplicatePolicy policy) {
  const support::Timestamp now = clock_.now();
  const Result existing = connection_.exec("read bookmark " + input.url,
                                           "SELECT id, title, description, feed_url FROM bookmarks WHERE "
                                           "owner_id = $1::bigint AND unique_hash = $2 "
                                           "FOR UPDATE",
                                           Params().integer(owner_id).text(input.unique_hash));
  if (existing.rows() == 0)
    throw support::StoreError("PostgreSQL: bookmark " + input.url + " vanished while being updated");
  const std::int64_t bookmark_id = existing.integer(0, 0);

  if (policy == domain::DuplicatePolicy::kOverwrite) {
    connection_.exec("overwrite bookmark " + input.url,
                     "UPDATE bookmarks SET url = $2, title = $3, description = $4, feed_url = $5, "
                     "private = $6::boolean, to_read = $7::boolean, "
                     "created_at = COALESCE($8::timestamptz, created_at), updated_at = $9::timestamptz "
                     "WHERE id = $1::bigint",
                     Params()
                         .integer(bookmark_id)
                         .text(input.url)
                         .text(input.title)
                         .text(input.description)
                         .text(input.feed_url)
                         .boolean(input.is_private)
                         .boolean(input.to_read)
                         .time(input.created_at)
                         .time(input.updated_at.value_or(now)));
    if (!distinct_tag_names(input.tags).empty()) {
      connection_.exec("replace tags of bookmark " + input.url,
                       "DELETE FROM bookmark_tags WHERE bookmark_id = $1::bigint",
                       Params().integer(bookmark_id));
      attach_tags(owner_id, bookmark_id, input.tags);
    }
    return domain::UpsertOutcome::kUpdated;
  }

  // kMerge: fill what is empty, add missing tags, keep everything else.
  const bool fill_title = existing.text(0, 1).empty() && !input.title.empty();
  const auto stored_description = existing.optional_text(0, 2);
  const bool fill_description = (!stored_description || stored_description->empty()) && input.description &&
                                !input.description->empty();
  const bool fill_feed_url = existing.is_null(0, 3) && input.feed_url.has_value();
  bool changed = attach_tags(owner_id, bookmark_id, input.tags) > 0;
  if (fill_title || fill_description || fill_feed_url) changed = true;
  if (!changed) return domain::UpsertOutcome::kSkipped;
  connection_.exec("merge into bookmark " + input.url,
                   "UPDATE bookmarks SET title = CASE WHEN $2::boolean THEN $3 ELSE title END, "
                   "description = CASE WHEN $4::boolean THEN $5 ELSE description END, "
                   "feed_url = CASE WHEN $6::boolean THEN $7 ELSE feed_url END, updated_at = $8::timestamptz "
                   "WHERE id = $1::bigint",
                   Params()
                       .integer(bookmark_id)
                       .boolean(fill_title)
                       .text(input.title)
                       .boolean(fill_description)
                       .text(input.description)
                       .boolean(fill_feed_url)
                       .text(input.feed_url)
                       .time(now));
  return domain::UpsertOutcome::kUpdated;
}

std::int64_t PostgresStore::attach_tags(std::int64_t owner_id, std::int64_t bookmark_id,
                                        const std::vector<std::string>& names) {
  const std::vector<std::string> distinct = distinct_tag_names(names);
  if (distinct.empty()) return 0;
  const support::Timestamp now = clock_.now();
  connection_.exec(
      "create tags",
      "INSERT INTO tags (owner_id, name, created_at, updated_at) "
      "SELECT $1::bigint, name, $3::timestamptz, $3::timestamptz FROM unnest($2::text[]) AS name "
      "ON CONFLICT (owner_id, name) DO NOTHING",
      Params().integer(owner_id).text_array(distinct).time(now));
  const Result linked =
      connection_.exec("tag bookmark " + std::to_string(bookmark_id),
                       "INSERT INTO bookmark_tags (bookmark_id, tag_id) SELECT $1::bigint, id FROM tags "
                       "WHERE owner_id = $2::bigint AND name = ANY($3::text[]) ON CONFLICT DO NOTHING",
                       Params().integer(bookmark_id).integer(owner_id).text_array(distinct));
  return linked.affected();
}

std::optional<domain::Bookmark> PostgresStore::find_bookmark(std::int64_t owner_id,
                                                             const std::string& unique_hash) {
  const Result result =
      connection_.exec("find bookmark " + unique_hash,
                       std::string("SELECT ") + kBookmarkColumns +
                           " FROM bookmarks b WHERE b.owner_id = $1::bigint AND b.unique_hash = $2",
                       Params().integer(owner_id).text(unique_hash));
  if (result.rows() == 0) return std::nullopt;
  return bookmark_from_row(result, 0);
}

std::optional<domain::Bookmark> PostgresStore::get_bookmark(std::int64_t owner_id, std::int64_t bookmark_id) {
  const Result result =
      connection_.exec("read bookmark " + std::to_string(bookmark_id),
                       std::string("SELECT ") + kBookmarkColumns +
                           " FROM bookmarks b WHERE b.owner_id = $1::bigint AND b.id = $2::bigint",
                       Params().integer(owner_id).integer(bookmark_id));
  if (result.rows() == 0) return std::nullopt;
  return bookmark_from_row(result, 0);
}

std::int64_t PostgresStore::add_bookmark_tags(std::int64_t owner_id, std::int64_t bookmark_id,
                                              const std::vector<std::string>& names) {
  std::int64_t added = 0;
  in_transaction("tag bookmark " + std::to_string(bookmark_id), [&] {
    added = attach_tags(owner_id, bookmark_id, names);
    if (added > 0) touch_bookmark(bookmark_id);
  });
  return added;
}

std::int64_t PostgresStore::remove_bookmark_tags(std::int64_t owner_id, std::int64_t bookmark_id,
                                                 const std::vector<std::string>& names) {
  std::int64_t removed = 0;
  in_transaction("untag bookmark " + std::to_string(bookmark_id), [&] {
    const Result result = connection_.exec(
        "untag bookmark " + std::to_string(bookmark_id),
        "DELETE FROM bookmark_tags WHERE bookmark_id = $1::bigint AND tag_id IN "
        "(SELECT id FROM tags WHERE owner_id = $2::bigint AND name = ANY($3::text[]))",
        Params().integer(bookmark_id).integer(owner_id).text_array(distinct_tag_names(names)));
    removed = result.affected();
    if (removed > 0) touch_bookmark(bookmark_id);
  });
  return removed;
}

void PostgresStore::touch_bookmark(std::int64_t bookmark_id) {
  connection_.exec("touch bookmark " + std::to_string(bookmark_id),
                   "UPDATE bookmarks SET updated_at = $2::timestamptz WHERE id = $1::bigint",
                   Params().integer(bookmark_id).time(clock_.now()));
}

bool PostgresStore::delete_bookmark(std::int64_t bookmark_id) {
  const Result result =
      connection_.exec("delete bookmark " + std::to_string(bookmark_id),
                       "DELETE FROM bookmarks WHERE id = $1::bigint", Params().integer(bookmark_id));
  return result.affected() > 0;
}

std::int64_t PostgresStore::count_bookmarks(std::int64_t owner_id) {
  const Result result =
      connection_.exec("count bookmarks", "SELECT count(*) FROM bookmarks WHERE owner_id = $1::bigint",
                       Params().integer(owner_id));
  return result.integer(0, 0);
}

void PostgresStore::for_each_bookmark(const BookmarkQuery& query,
                                      const std::function<void(const domain::Bookmark&)>& visit) {
  const std::vector<std::string> tags_all = distinct_tag_names(query.tags_all);
  const bool impossible_tag = std::any_of(query.tags_all.begin(), query.tags_all.end(),
                                          [](const std::string& name) { return name.empty(); });
  if (impossible_tag) return;  // no tag has an empty name
  Params params;
  params.integer(query.owner_id).time(query.since).text_array(tags_all).integer(query.limit);
  std::string search;
  if (query.search) {
    const std::string words = tsquery_text(search_words(*query.search));
    if (words.empty()) return;  // no word to look for finds nothing
    params.text(words);
    // The expression of bookmarks_search_idx, so the GIN index answers it.
    search = "AND pebble_search_document(b.title, b.description, b.url) @@ to_tsquery('simple', $5) ";
  }
  stream_rows("bookmark",
              std::string("SELECT ") + kBookmarkColumns +
                  " FROM bookmarks b WHERE b.owner_id = $1::bigint "
                  "AND ($2::timestamptz IS NULL OR b.created_at >= $2::timestamptz) "
                  "AND (cardinality($3::text[]) = 0 OR (SELECT count(*) FROM bookmark_tags bt "
                  "JOIN tags t ON t.id = bt.tag_id WHERE bt.bookmark_id = b.id AND t.name = ANY($3::text[])) "
                  "= cardinality($3::text[])) " +
                  search + "ORDER BY b.created_at DESC, b.id DESC LIMIT $4::bigint",
              params, [&](const Result& result, int row) { visit(bookmark_from_row(result, row)); });
}

}  // namespace pebble::store
