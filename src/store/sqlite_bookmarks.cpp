// SQLite store: bookmarks, their tags and the duplicate policies (briefs/schema.md).
#include <algorithm>
#include <set>

#include "store/search_text.h"
#include "store/sqlite_store_impl.h"
#include "support/error.h"

namespace pebble::store {

namespace {

// Bookmarks inserted by one statement (10 parameters each, well under SQLite's 32 766).
constexpr std::size_t kInsertChunk = 500;

// Tags come back in the same query, joined with the unit separator (never part of a tag name).
constexpr char kTagSeparator = '\x1f';
const std::string kBookmarkSelect =
    "SELECT b.id, b.owner_id, b.url, b.unique_hash, b.title, b.description, b.feed_url, b.private, "
    "b.to_read, "
    "b.created_at, b.updated_at, "
    "(SELECT group_concat(t.name, char(31)) FROM bookmark_tags bt JOIN tags t ON t.id = bt.tag_id "
    "WHERE bt.bookmark_id = b.id) "
    "FROM bookmarks b";

std::vector<std::string> split_tags(const std::optional<std::string>& joined) {
  std::vector<std::string> names;
  if (!joined) return names;
  std::size_t start = 0;
  while (true) {
    const auto end = joined->find(kTagSeparator, start);
    names.push_back(joined->substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  std::sort(names.begin(), names.end());
  return names;
}

domain::Bookmark read_bookmark(const SqliteStatement& statement) {
  domain::Bookmark bookmark;
  bookmark.id = statement.integer(0);
  bookmark.owner_id = statement.integer(1);
  bookmark.url = statement.text(2);
  bookmark.unique_hash = statement.text(3);
  bookmark.title = statement.text(4);
  bookmark.description = statement.optional_text(5);
  bookmark.feed_url = statement.optional_text(6);
  bookmark.is_private = statement.boolean(7);
  bookmark.to_read = statement.boolean(8);
  bookmark.created_at = statement.timestamp(9);
  bookmark.updated_at = statement.timestamp(10);
  bookmark.tags = split_tags(statement.optional_text(11));
  return bookmark;
}

// The input's tag names without empty names and duplicates, in first-seen order.
std::vector<std::string> usable_tags(const std::vector<std::string>& names) {
  std::vector<std::string> usable;
  std::set<std::string> seen;
  for (const std::string& name : names) {
    if (!name.empty() && seen.insert(name).second) usable.push_back(name);
  }
  return usable;
}

bool is_blank(const std::optional<std::string>& text) {
  return !text || text->empty();
}

}  // namespace

std::vector<domain::UpsertOutcome> SqliteStore::upsert_bookmarks(
    std::int64_t owner_id, const std::vector<domain::BookmarkInput>& inputs, domain::DuplicatePolicy policy) {
  return write_atomically([&] {
    const support::Timestamp now = clock_.now();
    // Tag ids live only as long as this call: a tag created in a transaction that is later rolled
    // back must not be remembered by the next one.
    TagIds tag_ids;
    std::vector<domain::UpsertOutcome> outcomes;
    outcomes.reserve(inputs.size());
    for (std::size_t start = 0; start < inputs.size(); start += kInsertChunk) {
      const std::size_t end = std::min(inputs.size(), start + kInsertChunk);
      auto created = insert_new_bookmarks(owner_id, inputs, start, end, now);
      for (std::size_t index = start; index < end; ++index) {
        const domain::BookmarkInput& input = inputs[index];
        const auto found = created.find(input.unique_hash);
        if (found == created.end()) {
          outcomes.push_back(update_existing_bookmark(owner_id, input, policy, now, tag_ids));
          continue;
        }
        attach_tags(owner_id, found->second, usable_tags(input.tags), now, tag_ids);
        created.erase(found);  // a later input with the same hash meets this row as existing
        outcomes.push_back(domain::UpsertOutcome::kCreated);
      }
    }
    return outcomes;
  });
}

std::unordered_map<std::string, std::int64_t> SqliteStore::insert_new_bookmarks(
    std::int64_t owner_id, const std::vector<domain::BookmarkInput>& inputs, std::size_t start,
    std::size_t end, support::Timestamp now) {
  // One statement for the chunk, not one per bookmark: the full-text index (a trigger) writes a
  // segment per statement, and per-bookmark statements made an import 80% slower. An import into
  // a new store, the common case, needs no lookup at all.
  std::string sql =
      "INSERT INTO bookmarks (owner_id, url, unique_hash, title, description, feed_url, private, to_read, "
      "created_at, updated_at) VALUES ";
  for (std::size_t index = start; index < end; ++index)
    sql += index == start ? "(?,?,?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?,?,?)";
  sql += " ON CONFLICT (owner_id, unique_hash) DO NOTHING RETURNING unique_hash, id";
  auto statement = connection_.prepare("insert bookmarks", sql);
  int parameter = 1;
  for (std::size_t index = start; index < end; ++index) {
    const domain::BookmarkInput& input = inputs[index];
    const support::Timestamp created_at = input.created_at.value_or(now);
    statement.bind(parameter++, owner_id);
    statement.bind(parameter++, input.url);
    statement.bind(parameter++, input.unique_hash);
    statement.bind(parameter++, input.title);
    statement.bind(parameter++, input.description);
    statement.bind(parameter++, input.feed_url);
    statement.bind(parameter++, input.is_private);
    statement.bind(parameter++, input.to_read);
    statement.bind(parameter++, created_at);
    statement.bind(parameter++, input.updated_at.value_or(created_at));
  }
  std::unordered_map<std::string, std::int64_t> created;
  while (statement.step()) created.emplace(statement.text(0), statement.integer(1));
  return created;
}

domain::UpsertOutcome SqliteStore::update_existing_bookmark(std::int64_t owner_id,
                                                            const domain::BookmarkInput& input,
                                                            domain::DuplicatePolicy policy,
                                                            support::Timestamp now, TagIds& tag_ids) {
  const auto tags = usable_tags(input.tags);
  if (policy == domain::DuplicatePolicy::kSkip) return domain::UpsertOutcome::kSkipped;
  const auto existing = find_bookmark(owner_id, input.unique_hash);
  if (!existing) {
    throw support::StoreError("SQLite database " + connection_.path() + ": bookmark " + input.url +
                              " vanished while being updated");
  }
  if (policy == domain::DuplicatePolicy::kOverwrite) {
    connection_
        .prepare("overwrite bookmark",
                 "UPDATE bookmarks SET url = ?, title = ?, description = ?, feed_url = ?, private = ?, "
                 "to_read = ?, "
                 "created_at = coalesce(?, created_at), updated_at = ? WHERE id = ?")
        .bind_all(input.url, input.title, input.description, input.feed_url, input.is_private, input.to_read,
                  input.created_at, input.updated_at.value_or(now), existing->id)
        .run();
    if (!tags.empty()) {
      connection_.prepare("replace bookmark tags", "DELETE FROM bookmark_tags WHERE bookmark_id = ?")
          .bind_all(existing->id)
          .run();
      attach_tags(owner_id, existing->id, tags, now, tag_ids);
    }
    return domain::UpsertOutcome::kUpdated;
  }
  // kMerge: fill what is empty, add missing tags, keep everything else.
  domain::Bookmark merged = *existing;
  bool changed = false;
  if (merged.title.empty() && !input.title.empty()) {
    merged.title = input.title;
    changed = true;
  }
  if (is_blank(merged.description) && !is_blank(input.description)) {
    merged.description = input.description;
    changed = true;
  }
  if (!merged.feed_url && !is_blank(input.feed_url)) {
    merged.feed_url = input.feed_url;
    changed = true;
  }
  std::vector<std::string> new_tags;
  for (const std::string& name : tags) {
    if (!std::binary_search(existing->tags.begin(), existing->tags.end(), name)) new_tags.push_back(name);
  }
  if (!changed && new_tags.empty()) return domain::UpsertOutcome::kSkipped;
  connection_
      .prepare("merge bookmark",
               "UPDATE bookmarks SET title = ?, description = ?, feed_url = ?, updated_at = ? "
               "WHERE id = ?")
      .bind_all(merged.title, merged.description, merged.feed_url, now, existing->id)
      .run();
  attach_tags(owner_id, existing->id, new_tags, now, tag_ids);
  return domain::UpsertOutcome::kUpdated;
}

void SqliteStore::attach_tags(std::int64_t owner_id, std::int64_t bookmark_id,
                              const std::vector<std::string>& names, support::Timestamp now,
                              TagIds& tag_ids) {
  for (const std::string& name : names) {
    auto known = tag_ids.find(name);
    if (known == tag_ids.end()) known = tag_ids.emplace(name, tag_id(owner_id, name, now)).first;
    connection_
        .prepare("tag bookmark",
                 "INSERT INTO bookmark_tags (bookmark_id, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
        .bind_all(bookmark_id, known->second)
        .run();
  }
}

std::int64_t SqliteStore::tag_id(std::int64_t owner_id, const std::string& name, support::Timestamp now) {
  connection_
      .prepare("create tag",
               "INSERT INTO tags (owner_id, name, created_at, updated_at) VALUES (?, ?, ?, ?) "
               "ON CONFLICT (owner_id, name) DO NOTHING")
      .bind_all(owner_id, name, now, now)
      .run();
  if (connection_.changes() > 0) return connection_.last_insert_id();
  const auto tag = find_tag(owner_id, name);
  if (!tag)
    throw support::StoreError("SQLite database " + connection_.path() + ": tag '" + name + "' vanished");
  return tag->id;
}

std::optional<domain::Bookmark> SqliteStore::find_bookmark(std::int64_t owner_id,
                                                           const std::string& unique_hash) {
  auto statement =
      connection_.prepare("find bookmark", kBookmarkSelect + " WHERE b.owner_id = ? AND b.unique_hash = ?");
  statement.bind_all(owner_id, unique_hash);
  if (!statement.step()) return std::nullopt;
  return read_bookmark(statement);
}

std::optional<domain::Bookmark> SqliteStore::get_bookmark(std::int64_t owner_id, std::int64_t bookmark_id) {
  auto statement =
      connection_.prepare("read bookmark", kBookmarkSelect + " WHERE b.owner_id = ? AND b.id = ?");
  statement.bind_all(owner_id, bookmark_id);
  if (!statement.step()) return std::nullopt;
  return read_bookmark(statement);
}

std::int64_t SqliteStore::add_bookmark_tags(std::int64_t owner_id, std::int64_t bookmark_id,
                                            const std::vector<std::string>& names) {
  return write_atomically([&] {
    const support::Timestamp now = clock_.now();
    std::int64_t added = 0;
    for (const std::string& name : usable_tags(names)) {
      const std::int64_t id = tag_id(owner_id, name, now);
      connection_
          .prepare("tag bookmark",
                   "INSERT INTO bookmark_tags (bookmark_id, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
          .bind_all(bookmark_id, id)
          .run();
      added += connection_.changes();
    }
    if (added > 0) touch_bookmark(bookmark_id, now);
    return added;
  });
}

std::int64_t SqliteStore::remove_bookmark_tags(std::int64_t owner_id, std::int64_t bookmark_id,
                                               const std::vector<std::string>& names) {
  return write_atomically([&] {
    std::int64_t removed = 0;
    for (const std::string& name : usable_tags(names)) {
      connection_
          .prepare("untag bookmark",
                   "DELETE FROM bookmark_tags WHERE bookmark_id = ? AND tag_id = "
                   "(SELECT id FROM tags WHERE owner_id = ? AND name = ?)")
          .bind_all(bookmark_id, owner_id, name)
          .run();
      removed += connection_.changes();
    }
    if (removed > 0) touch_bookmark(bookmark_id, clock_.now());
    return removed;
  });
}

void SqliteStore::touch_bookmark(std::int64_t bookmark_id, support::Timestamp now) {
  connection_.prepare("touch bookmark", "UPDATE bookmarks SET updated_at = ? WHERE id = ?")
      .bind_all(now, bookmark_id)
      .run();
}

bool SqliteStore::delete_bookmark(std::int64_t bookmark_id) {
  connection_.prepare("delete bookmark", "DELETE FROM bookmarks WHERE id = ?").bind_all(bookmark_id).run();
  return connection_.changes() > 0;
}

void SqliteStore::for_each_bookmark(const BookmarkQuery& query,
                                    const std::function<void(const domain::Bookmark&)>& visit) {
  const std::set<std::string> tags(query.tags_all.begin(), query.tags_all.end());
  std::string match;
  bool look_up_matches = false;
  if (query.search) {
    match = fts5_query(search_words(*query.search));
    if (match.empty()) return;  // no word to look for finds nothing
    look_up_matches =
        look_up_search_matches(connection_, "bookmarks_search", "bookmarks", match, query.limit);
  }
  // Few search matches are read by rowid and sorted: the unary + keeps the planner off the owner
  // index, whose walk in date order would test every bookmark of the owner instead. Many matches
  // are found walking that index, and the + on b.id keeps the planner from reading them all first.
  std::string sql = kBookmarkSelect + (look_up_matches ? " WHERE +b.owner_id = ?" : " WHERE b.owner_id = ?");
  for (std::size_t index = 0; index < tags.size(); ++index) {
    sql +=
        " AND EXISTS (SELECT 1 FROM bookmark_tags wanted_link JOIN tags wanted ON wanted.id = "
        "wanted_link.tag_id "
        "WHERE wanted_link.bookmark_id = b.id AND wanted.name = ?)";
  }
  if (query.since) sql += " AND b.created_at >= ?";
  if (query.search) {
    sql += std::string(look_up_matches ? " AND b.id" : " AND +b.id") +
           " IN (SELECT rowid FROM bookmarks_search WHERE bookmarks_search MATCH ?)";
  }
  sql += " ORDER BY b.created_at DESC, b.id DESC LIMIT ?";
  auto statement = connection_.prepare("query bookmarks", sql);
  int parameter = 1;
  statement.bind(parameter++, query.owner_id);
  for (const std::string& tag : tags) statement.bind(parameter++, tag);
  if (query.since) statement.bind(parameter++, *query.since);
  if (query.search) statement.bind(parameter++, match);
  statement.bind(parameter++, query.limit.value_or(-1));  // SQLite reads a negative LIMIT as none
  while (statement.step()) visit(read_bookmark(statement));
}

std::int64_t SqliteStore::count_bookmarks(std::int64_t owner_id) {
  auto statement =
      connection_.prepare("count bookmarks", "SELECT count(*) FROM bookmarks WHERE owner_id = ?");
  statement.bind_all(owner_id);
  statement.step();
  return statement.integer(0);
}

std::optional<domain::Tag> SqliteStore::find_tag(std::int64_t owner_id, const std::string& name) {
  auto statement = connection_.prepare(
      "find tag", "SELECT id, owner_id, name, is_system FROM tags WHERE owner_id = ? AND name = ?");
  statement.bind_all(owner_id, name);
  if (!statement.step()) return std::nullopt;
  return domain::Tag{statement.integer(0), statement.integer(1), statement.text(2), statement.boolean(3)};
}

std::vector<domain::Tag> SqliteStore::list_tags(std::int64_t owner_id) {
  auto statement = connection_.prepare(
      "list tags", "SELECT id, owner_id, name, is_system FROM tags WHERE owner_id = ? ORDER BY name, id");
  statement.bind_all(owner_id);
  std::vector<domain::Tag> tags;
  while (statement.step()) {
    tags.push_back(
        domain::Tag{statement.integer(0), statement.integer(1), statement.text(2), statement.boolean(3)});
  }
  return tags;
}

}  // namespace pebble::store
