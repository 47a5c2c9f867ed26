// SQLite store: bookmark unfurls (migration 6): the bookmarks `pebble unfurl` reads, the
// bookmark_unfurls row kept per bookmark, and the bookmark fields an unfurl fills.
#include "store/sqlite_store_impl.h"
#include "store/unfurl_rows.h"

namespace pebble::store {

namespace {

UnfurlTarget read_target(const SqliteStatement& statement) {
  UnfurlTarget target;
  target.bookmark_id = statement.integer(0);
  target.url = statement.text(1);
  target.title = statement.text(2);
  target.description = statement.optional_text(3);
  target.feed_url = statement.optional_text(4);
  if (!statement.optional_integer(5)) return target;
  domain::BookmarkUnfurl unfurl;
  unfurl.bookmark_id = target.bookmark_id;
  unfurl.status = domain::unfurl_status_from_name(statement.text(6)).value_or(domain::UnfurlStatus::kError);
  if (const auto status = statement.optional_integer(7)) unfurl.http_status = static_cast<int>(*status);
  unfurl.error = statement.optional_text(8);
  unfurl.final_url = statement.optional_text(9);
  unfurl.metadata.title = statement.optional_text(10);
  unfurl.metadata.description = statement.optional_text(11);
  unfurl.metadata.site_name = statement.optional_text(12);
  unfurl.metadata.image = statement.optional_text(13);
  unfurl.metadata.favicon = statement.optional_text(14);
  unfurl.metadata.feeds = announced_feeds_from_json(statement.text(15));
  unfurl.etag = statement.optional_text(16);
  unfurl.last_modified = statement.optional_text(17);
  unfurl.attempted_at = statement.timestamp(18);
  unfurl.unfurled_at = statement.optional_timestamp(19);
  unfurl.filled.title = statement.optional_text(20);
  unfurl.filled.description = statement.optional_text(21);
  unfurl.filled.feed_url = statement.optional_text(22);
  target.previous = std::move(unfurl);
  return target;
}

}  // namespace

std::vector<UnfurlTarget> SqliteStore::unfurl_targets(std::int64_t owner_id, bool missing_only,
                                                      std::int64_t after_id, std::size_t limit) {
  auto statement =
      connection_.prepare("read bookmarks to unfurl",
                          std::string(kUnfurlTargetSelect) +
                              "WHERE b.owner_id = ?1 AND b.id > ?2 AND (?3 = 0 OR u.bookmark_id IS NULL OR "
                              "(u.unfurled_at IS NULL AND u.status = 'error')) ORDER BY b.id LIMIT ?4");
  statement.bind_all(owner_id, after_id, missing_only, static_cast<std::int64_t>(limit));
  std::vector<UnfurlTarget> targets;
  while (statement.step()) targets.push_back(read_target(statement));
  return targets;
}

std::optional<UnfurlTarget> SqliteStore::unfurl_target(std::int64_t bookmark_id) {
  auto statement =
      connection_.prepare("read a bookmark to unfurl", std::string(kUnfurlTargetSelect) + "WHERE b.id = ?");
  statement.bind_all(bookmark_id);
  if (!statement.step()) return std::nullopt;
  return read_target(statement);
}

bool SqliteStore::save_unfurl(const domain::BookmarkUnfurl& unfurl) {
  return write_atomically([&] {
    const support::Timestamp now = clock_.now();
    auto existing =
        connection_.prepare("look up an unfurl", "SELECT 1 FROM bookmark_unfurls WHERE bookmark_id = ?");
    existing.bind_all(unfurl.bookmark_id);
    const bool inserted = !existing.step();
    const domain::PageMetadata& metadata = unfurl.metadata;
    const std::optional<std::int64_t> http_status =
        unfurl.http_status ? std::optional<std::int64_t>(*unfurl.http_status) : std::nullopt;
    connection_
        .prepare(
            "store an unfurl",
            "INSERT INTO bookmark_unfurls (bookmark_id, status, http_status, error, final_url, title, "
            "description, site_name, image_url, favicon_url, feeds, etag, last_modified, attempted_at, "
            "unfurled_at, filled_title, filled_description, filled_feed_url, created_at, updated_at) VALUES "
            "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?17, ?18, ?19, ?16, ?16) "
            "ON CONFLICT (bookmark_id) DO UPDATE SET status = excluded.status, http_status = "
            "excluded.http_status, error = excluded.error, final_url = excluded.final_url, title = "
            "excluded.title, description = excluded.description, site_name = excluded.site_name, "
            "image_url = excluded.image_url, favicon_url = excluded.favicon_url, feeds = excluded.feeds, "
            "etag = excluded.etag, last_modified = excluded.last_modified, attempted_at = "
            "excluded.attempted_at, unfurled_at = excluded.unfurled_at, filled_title = "
            "excluded.filled_title, "
            "filled_description = excluded.filled_description, filled_feed_url = excluded.filled_feed_url, "
            "updated_at = excluded.updated_at")
        .bind_all(unfurl.bookmark_id, domain::unfurl_status_name(unfurl.status), http_status, unfurl.error,
                  unfurl.final_url, metadata.title, metadata.description, metadata.site_name, metadata.image,
                  metadata.favicon, announced_feeds_json(metadata.feeds), unfurl.etag, unfurl.last_modified,
                  unfurl.attempted_at, unfurl.unfurled_at, now, unfurl.filled.title,
                  unfurl.filled.description, unfurl.filled.feed_url)
        .run();
    return inserted;
  });
}

bool SqliteStore::fill_bookmark(std::int64_t bookmark_id, const BookmarkFill& fill) {
  auto statement = connection_.prepare(
      "fill a bookmark from its page",
      "UPDATE bookmarks SET title = coalesce(?2, title), description = coalesce(?3, description), "
      "feed_url = coalesce(?4, feed_url), updated_at = ?5 WHERE id = ?1");
  statement.bind_all(bookmark_id, fill.title, fill.description, fill.feed_url, clock_.now());
  statement.run();
  return connection_.changes() > 0;
}

}  // namespace pebble::store
