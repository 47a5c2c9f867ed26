// The SQLite schema as ordered migrations (briefs/schema.md). Timestamps are ISO-8601 text with a Z
// suffix (format_iso_micros), so text order is time order; booleans are 0/1 integers.
#include <algorithm>
#include <array>
#include <set>

#include "store/sqlite_store_impl.h"

namespace pebble::store {

namespace {

// One schema change: applied once, in version order, and recorded in schema_migrations.
struct Migration {
  int version;
  const char* name;
  const char* sql;
};

constexpr std::array<Migration, 7> kMigrations{{
    {1, "users, bookmarks and tags", R"sql(
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  email TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE bookmarks (
  id INTEGER PRIMARY KEY,
  owner_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  url TEXT NOT NULL,
  unique_hash TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  description TEXT,
  feed_url TEXT,
  private INTEGER NOT NULL DEFAULT 0,
  to_read INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (owner_id, unique_hash)
);
CREATE INDEX bookmarks_owner_created_idx ON bookmarks (owner_id, created_at);
CREATE INDEX bookmarks_feed_url_idx ON bookmarks (feed_url);
CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  owner_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  is_system INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (owner_id, name)
);
CREATE TABLE bookmark_tags (
  bookmark_id INTEGER NOT NULL REFERENCES bookmarks (id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (bookmark_id, tag_id)
);
CREATE INDEX bookmark_tags_tag_idx ON bookmark_tags (tag_id);
)sql"},
    {2, "feeds and feed items", R"sql(
CREATE TABLE feeds (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  title TEXT,
  site_url TEXT,
  description TEXT,
  disabled INTEGER NOT NULL DEFAULT 0,
  disabled_reason TEXT,
  etag TEXT,
  last_modified TEXT,
  newest_item_date TEXT,
  last_polled_at TEXT,
  last_status INTEGER,
  last_error TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  next_poll_at TEXT,
  lease_owner TEXT,
  lease_until TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX feeds_disabled_next_poll_idx ON feeds (disabled, next_poll_at);
CREATE TABLE feed_items (
  id INTEGER PRIMARY KEY,
  feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
  guid TEXT NOT NULL,
  link TEXT,
  title TEXT,
  summary TEXT,
  content TEXT,
  author TEXT,
  published_at TEXT,
  entry_updated_at TEXT,
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  extra TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (feed_id, guid)
);
CREATE INDEX feed_items_feed_published_idx ON feed_items (feed_id, published_at);
)sql"},
    {3, "import jobs, job runs and metrics", R"sql(
CREATE TABLE import_jobs (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  format TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'processing', 'completed', 'failed', 'cancelled')),
  file_size INTEGER NOT NULL DEFAULT 0,
  total INTEGER,
  created_count INTEGER NOT NULL DEFAULT 0,
  updated_count INTEGER NOT NULL DEFAULT 0,
  skipped_count INTEGER NOT NULL DEFAULT 0,
  failed_count INTEGER NOT NULL DEFAULT 0,
  failed_details TEXT NOT NULL DEFAULT '[]',
  options TEXT NOT NULL DEFAULT '{}',
  error_message TEXT,
  started_at TEXT,
  completed_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE job_runs (
  id INTEGER PRIMARY KEY,
  command TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('ok', 'partial', 'failed')),
  summary TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX job_runs_command_finished_idx ON job_runs (command, finished_at);
CREATE TABLE metric_counters (
  command TEXT NOT NULL,
  family TEXT NOT NULL,
  labels TEXT NOT NULL,
  value REAL NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (command, family, labels)
);
CREATE TABLE metric_histograms (
  command TEXT NOT NULL,
  family TEXT NOT NULL,
  labels TEXT NOT NULL,
  sum REAL NOT NULL,
  count INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (command, family, labels)
);
CREATE TABLE metric_histogram_buckets (
  command TEXT NOT NULL,
  family TEXT NOT NULL,
  labels TEXT NOT NULL,
  le TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (command, family, labels, le)
);
)sql"},
    // Old rows get the types the earlier poller wrote into extra, else what RSS means (text titles,
    // HTML summaries and content).
    {4, "feed item text types", R"sql(
ALTER TABLE feed_items ADD COLUMN title_type TEXT NOT NULL DEFAULT 'text' CHECK (title_type IN ('text', 'html'));
ALTER TABLE feed_items ADD COLUMN summary_type TEXT NOT NULL DEFAULT 'html' CHECK (summary_type IN ('text', 'html'));
ALTER TABLE feed_items ADD COLUMN content_type TEXT NOT NULL DEFAULT 'html' CHECK (content_type IN ('text', 'html'));
UPDATE feed_items SET
  title_type = CASE WHEN extra ->> '$.title_type' IN ('text', 'html') THEN extra ->> '$.title_type' ELSE title_type END,
  summary_type = CASE WHEN extra ->> '$.summary_type' IN ('text', 'html') THEN extra ->> '$.summary_type' ELSE summary_type END,
  content_type = CASE WHEN extra ->> '$.content_type' IN ('text', 'html') THEN extra ->> '$.content_type' ELSE content_type END
WHERE json_valid(extra);
)sql"},
    {5, "read state, full-text search and feed tags", R"sql(
ALTER TABLE feed_items ADD COLUMN read_at TEXT;
ALTER TABLE feeds ADD COLUMN item_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN unread_count INTEGER NOT NULL DEFAULT 0;
UPDATE feeds SET item_count = (SELECT count(*) FROM feed_items WHERE feed_id = feeds.id);
UPDATE feeds SET unread_count = item_count;
CREATE TRIGGER feed_items_count_insert AFTER INSERT ON feed_items BEGIN
  UPDATE feeds SET item_count = item_count + 1, unread_count = unread_count + (new.read_at IS NULL)
  WHERE id = new.feed_id;
END;
CREATE TRIGGER feed_items_count_delete AFTER DELETE ON feed_items BEGIN
  UPDATE feeds SET item_count = item_count - 1, unread_count = unread_count - (old.read_at IS NULL)
  WHERE id = old.feed_id;
END;
CREATE TRIGGER feed_items_count_read AFTER UPDATE OF read_at ON feed_items
WHEN (old.read_at IS NULL) <> (new.read_at IS NULL) BEGIN
  UPDATE feeds SET unread_count = unread_count + (new.read_at IS NULL) - (old.read_at IS NULL)
  WHERE id = new.feed_id;
END;
CREATE INDEX feed_items_date_idx ON feed_items (coalesce(published_at, entry_updated_at, first_seen_at), id);
CREATE INDEX feed_items_feed_date_idx
  ON feed_items (feed_id, coalesce(published_at, entry_updated_at, first_seen_at), id);
CREATE INDEX feed_items_unread_date_idx
  ON feed_items (coalesce(published_at, entry_updated_at, first_seen_at), id) WHERE read_at IS NULL;
CREATE VIRTUAL TABLE feed_items_search USING fts5(title, summary, content, content = 'feed_items',
  content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 0');
INSERT INTO feed_items_search (feed_items_search) VALUES ('rebuild');
CREATE TRIGGER feed_items_search_insert AFTER INSERT ON feed_items BEGIN
  INSERT INTO feed_items_search (rowid, title, summary, content)
  VALUES (new.id, new.title, new.summary, new.content);
END;
CREATE TRIGGER feed_items_search_delete AFTER DELETE ON feed_items BEGIN
  INSERT INTO feed_items_search (feed_items_search, rowid, title, summary, content)
  VALUES ('delete', old.id, old.title, old.summary, old.content);
END;
CREATE TRIGGER feed_items_search_update AFTER UPDATE OF title, summary, content ON feed_items
WHEN old.title IS NOT new.title OR old.summary IS NOT new.summary OR old.content IS NOT new.content BEGIN
  INSERT INTO feed_items_search (feed_items_search, rowid, title, summary, content)
  VALUES ('delete', old.id, old.title, old.summary, old.content);
  INSERT INTO feed_items_search (rowid, title, summary, content)
  VALUES (new.id, new.title, new.summary, new.content);
END;
CREATE VIRTUAL TABLE bookmarks_search USING fts5(title, description, url, content = 'bookmarks',
  content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 0');
INSERT INTO bookmarks_search (bookmarks_search) VALUES ('rebuild');
CREATE TRIGGER bookmarks_search_insert AFTER INSERT ON bookmarks BEGIN
  INSERT INTO bookmarks_search (rowid, title, description, url)
  VALUES (new.id, new.title, new.description, new.url);
END;
CREATE TRIGGER bookmarks_search_delete AFTER DELETE ON bookmarks BEGIN
  INSERT INTO bookmarks_search (bookmarks_search, rowid, title, description, url)
  VALUES ('delete', old.id, old.title, old.description, old.url);
END;
CREATE TRIGGER bookmarks_search_update AFTER UPDATE OF title, description, url ON bookmarks
WHEN old.title IS NOT new.title OR old.description IS NOT new.description OR old.url IS NOT new.url BEGIN
  INSERT INTO bookmarks_search (bookmarks_search, rowid, title, description, url)
  VALUES ('delete', old.id, old.title, old.description, old.url);
  INSERT INTO bookmarks_search (rowid, title, description, url)
  VALUES (new.id, new.title, new.description, new.url);
END;
CREATE TABLE feed_tags (
  feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  PRIMARY KEY (feed_id, name)
);
)sql"},
    // A table of its own rather than columns on bookmarks: the attempt's state (status, error,
    // validators) is not the bookmark's, every bookmark listing and export stays as narrow as it
    // was, a bookmark never unfurled is one without a row, and the row goes with its bookmark.
    {6, "unfurl metadata", R"sql(
CREATE TABLE bookmark_unfurls (
  bookmark_id INTEGER PRIMARY KEY REFERENCES bookmarks (id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('success', 'not_found', 'error', 'not_html', 'blocked')),
  http_status INTEGER,
  error TEXT,
  final_url TEXT,
  title TEXT,
  description TEXT,
  site_name TEXT,
  image_url TEXT,
  favicon_url TEXT,
  feeds TEXT NOT NULL DEFAULT '[]',
  etag TEXT,
  last_modified TEXT,
  attempted_at TEXT NOT NULL,
  unfurled_at TEXT,
  filled_title TEXT,
  filled_description TEXT,
  filled_feed_url TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
)sql"},
    // An item's source fingerprint lets a poll skip the items its feed
    // sent unchanged (parse/item_fingerprint.h). The search index holds the text a reader sees:
    // feed_items_reader_text is feed_items through pebble_reader_text (store/reader_text.h, a
    // function every pebble connection registers), and the index is rebuilt from it here. (What
    // it replaces may be gone already: a store rewound by hand to re-apply migration 4.)
    {7, "item source fingerprints and reader text search", R"sql(
ALTER TABLE feed_items ADD COLUMN source_fingerprint TEXT;
DROP TRIGGER IF EXISTS feed_items_search_insert;
DROP TRIGGER IF EXISTS feed_items_search_delete;
DROP TRIGGER IF EXISTS feed_items_search_update;
DROP TABLE IF EXISTS feed_items_search;
CREATE VIEW feed_items_reader_text (id, title, summary, content) AS
  SELECT id, pebble_reader_text(title, title_type), pebble_reader_text(summary, summary_type),
         pebble_reader_text(content, content_type)
  FROM feed_items;
CREATE VIRTUAL TABLE feed_items_search USING fts5(title, summary, content, content = 'feed_items_reader_text',
  content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 0');
INSERT INTO feed_items_search (feed_items_search) VALUES ('rebuild');
CREATE TRIGGER feed_items_search_insert AFTER INSERT ON feed_items BEGIN
  INSERT INTO feed_items_search (rowid, title, summary, content)
  VALUES (new.id, pebble_reader_text(new.title, new.title_type), pebble_reader_text(new.summary, new.summary_type),
          pebble_reader_text(new.content, new.content_type));
END;
CREATE TRIGGER feed_items_search_delete AFTER DELETE ON feed_items BEGIN
  INSERT INTO feed_items_search (feed_items_search, rowid, title, summary, content)
  VALUES ('delete', old.id, pebble_reader_text(old.title, old.title_type),
          pebble_reader_text(old.summary, old.summary_type), pebble_reader_text(old.content, old.content_type));
END;
CREATE TRIGGER feed_items_search_update
AFTER UPDATE OF title, summary, content, title_type, summary_type, content_type ON feed_items
WHEN old.title IS NOT new.title OR old.summary IS NOT new.summary OR old.content IS NOT new.content
  OR old.title_type IS NOT new.title_type OR old.summary_type IS NOT new.summary_type
  OR old.content_type IS NOT new.content_type BEGIN
  INSERT INTO feed_items_search (feed_items_search, rowid, title, summary, content)
  VALUES ('delete', old.id, pebble_reader_text(old.title, old.title_type),
          pebble_reader_text(old.summary, old.summary_type), pebble_reader_text(old.content, old.content_type));
  INSERT INTO feed_items_search (rowid, title, summary, content)
  VALUES (new.id, pebble_reader_text(new.title, new.title_type), pebble_reader_text(new.summary, new.summary_type),
          pebble_reader_text(new.content, new.content_type));
END;
)sql"},
}};

std::set<std::int64_t> applied_versions(SqliteConnection& connection) {
  std::set<std::int64_t> versions;
  auto statement = connection.prepare("read schema_migrations", "SELECT version FROM schema_migrations");
  while (statement.step()) versions.insert(statement.integer(0));
  return versions;
}

// Whether every migration is already recorded, read without a write lock: opening an up-to-date
// store (serve reopening its file, a reader) must not wait behind another process's writes.
bool schema_is_current(SqliteConnection& connection) {
  auto table =
      connection.prepare("look for schema_migrations",
                         "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
  if (!table.step()) return false;
  const auto applied = applied_versions(connection);
  return std::all_of(kMigrations.begin(), kMigrations.end(),
                     [&](const Migration& migration) { return applied.contains(migration.version); });
}

}  // namespace

void migrate_sqlite(SqliteConnection& connection, const support::Clock& clock) {
  if (schema_is_current(connection)) return;
  // BEGIN IMMEDIATE takes the write lock before the check, so a second process opening the same
  // new file waits (busy_timeout) and then sees the migrations already recorded.
  connection.execute("lock the database for migration", "BEGIN IMMEDIATE");
  try {
    connection.execute("create schema_migrations",
                       "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                       "name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    const auto applied = applied_versions(connection);
    for (const Migration& migration : kMigrations) {
      if (applied.contains(migration.version)) continue;
      const std::string purpose =
          "apply migration " + std::to_string(migration.version) + " (" + migration.name + ")";
      connection.execute(purpose.c_str(), migration.sql);
      connection
          .prepare("record migration",
                   "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)")
          .bind_all(migration.version, migration.name, clock.now())
          .run();
    }
    connection.execute("commit migrations", "COMMIT");
  } catch (...) {
    connection.rollback_quietly();
    throw;
  }
}

}  // namespace pebble::store
