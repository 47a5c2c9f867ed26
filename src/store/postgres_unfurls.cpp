// PostgreSQL store: bookmark unfurls (migration 4): the bookmarks `pebble unfurl` reads, the
// bookmark_unfurls row kept per bookmark, and the bookmark fields an unfurl fills.
#include "store/postgres_json.h"
#include "store/postgres_store_impl.h"
#include "store/unfurl_rows.h"

namespace pebble::store {

namespace {

UnfurlTarget read_target(const Result& result, int row) {
  UnfurlTarget target;
  target.bookmark_id = result.integer(row, 0);
  target.url = result.text(row, 1);
  target.title = result.text(row, 2);
  target.description = result.optional_text(row, 3);
  target.feed_url = result.optional_text(row, 4);
  if (result.is_null(row, 5)) return target;
  domain::BookmarkUnfurl unfurl;
  unfurl.bookmark_id = target.bookmark_id;
  unfurl.status = domain::unfurl_status_from_name(result.text(row, 6)).value_or(domain::UnfurlStatus::kError);
  if (const auto status = result.optional_integer(row, 7)) unfurl.http_status = static_cast<int>(*status);
  unfurl.error = result.optional_text(row, 8);
  unfurl.final_url = result.optional_text(row, 9);
  unfurl.metadata.title = result.optional_text(row, 10);
  unfurl.metadata.description = result.optional_text(row, 11);
  unfurl.metadata.site_name = result.optional_text(row, 12);
  unfurl.metadata.image = result.optional_text(row, 13);
  unfurl.metadata.favicon = result.optional_text(row, 14);
  unfurl.metadata.feeds = announced_feeds_from_json(compact_json(result.text(row, 15)));
  unfurl.etag = result.optional_text(row, 16);
  unfurl.last_modified = result.optional_text(row, 17);
  unfurl.attempted_at = result.time(row, 18);
  unfurl.unfurled_at = result.optional_time(row, 19);
  unfurl.filled.title = result.optional_text(row, 20);
  unfurl.filled.description = result.optional_text(row, 21);
  unfurl.filled.feed_url = result.optional_text(row, 22);
  target.previous = std::move(unfurl);
  return target;
}

}  // namespace

std::vector<UnfurlTarget> PostgresStore::unfurl_targets(std::int64_t owner_id, bool missing_only,
                                                        std::int64_t after_id, std::size_t limit) {
  const Result result = connection_.exec(
      "read bookmarks to unfurl",
      std::string(kUnfurlTargetSelect) +
          "WHERE b.owner_id = $1::bigint AND b.id > $2::bigint AND (NOT $3::boolean OR u.bookmark_id IS NULL "
          "OR (u.unfurled_at IS NULL AND u.status = 'error')) ORDER BY b.id LIMIT $4::bigint",
      Params()
          .integer(owner_id)
          .integer(after_id)
          .boolean(missing_only)
          .integer(static_cast<std::int64_t>(limit)));
  std::vector<UnfurlTarget> targets;
  for (int row = 0; row < result.rows(); ++row) targets.push_back(read_target(result, row));
  return targets;
}

std::optional<UnfurlTarget> PostgresStore::unfurl_target(std::int64_t bookmark_id) {
  const Result result = connection_.exec("read a bookmark to unfurl",
                                         std::string(kUnfurlTargetSelect) + "WHERE b.id = $1::bigint",
                                         Params().integer(bookmark_id));
  if (result.rows() == 0) return std::nullopt;
  return read_target(result, 0);
}

bool PostgresStore::save_unfurl(const domain::BookmarkUnfurl& unfurl) {
  const domain::PageMetadata& metadata = unfurl.metadata;
  const std::optional<std::int64_t> http_status =
      unfurl.http_status ? std::optional<std::int64_t>(*unfurl.http_status) : std::nullopt;
  // xmax = 0 only on a row this statement inserted (an updated row carries the updating xid).
  const Result result = connection_.exec(
      "store the unfurl of bookmark " + std::to_string(unfurl.bookmark_id),
      "INSERT INTO bookmark_unfurls (bookmark_id, status, http_status, error, final_url, title, description, "
      "site_name, image_url, favicon_url, feeds, etag, last_modified, attempted_at, unfurled_at, "
      "filled_title, "
      "filled_description, filled_feed_url, created_at, updated_at) VALUES ($1::bigint, $2, $3::integer, $4, "
      "$5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14::timestamptz, $15::timestamptz, $17, $18, $19, "
      "$16::timestamptz, $16::timestamptz) "
      "ON CONFLICT (bookmark_id) DO UPDATE SET status = excluded.status, http_status = excluded.http_status, "
      "error = excluded.error, final_url = excluded.final_url, title = excluded.title, description = "
      "excluded.description, site_name = excluded.site_name, image_url = excluded.image_url, favicon_url = "
      "excluded.favicon_url, feeds = excluded.feeds, etag = excluded.etag, last_modified = "
      "excluded.last_modified, attempted_at = excluded.attempted_at, unfurled_at = excluded.unfurled_at, "
      "filled_title = excluded.filled_title, filled_description = excluded.filled_description, "
      "filled_feed_url = excluded.filled_feed_url, updated_at = excluded.updated_at RETURNING (xmax = 0)",
      Params()
          .integer(unfurl.bookmark_id)
          .text(std::string(domain::unfurl_status_name(unfurl.status)))
          .integer(http_status)
          .text(unfurl.error)
          .text(unfurl.final_url)
          .text(metadata.title)
          .text(metadata.description)
          .text(metadata.site_name)
          .text(metadata.image)
          .text(metadata.favicon)
          .text(announced_feeds_json(metadata.feeds))
          .text(unfurl.etag)
          .text(unfurl.last_modified)
          .time(unfurl.attempted_at)
          .time(unfurl.unfurled_at)
          .time(clock_.now())
          .text(unfurl.filled.title)
          .text(unfurl.filled.description)
          .text(unfurl.filled.feed_url));
  return result.boolean(0, 0);
}

bool PostgresStore::fill_bookmark(std::int64_t bookmark_id, const BookmarkFill& fill) {
  const Result result = connection_.exec(
      "fill bookmark " + std::to_string(bookmark_id) + " from its page",
      "UPDATE bookmarks SET title = coalesce($2, title), description = coalesce($3, description), "
      "feed_url = coalesce($4, feed_url), updated_at = $5::timestamptz WHERE id = $1::bigint",
      Params()
          .integer(bookmark_id)
          .text(fill.title)
          .text(fill.description)
          .text(fill.feed_url)
          .time(clock_.now()));
  return result.affected() > 0;
}

}  // namespace pebble::store
