// Feeds, leases and feed items in PostgreSQL.
#include <algorithm>

#include "store/postgres_json.h"
#include "store/postgres_store_impl.h"
#include "store/stored_time.h"
#include "support/error.h"

namespace pebble::store {

namespace {

constexpr const char* kFeedColumns =
    "id, url, title, site_url, description, disabled, disabled_reason, etag, last_modified, "
    "newest_item_date, "
    "last_polled_at, last_status, last_error, consecutive_failures, next_poll_at, lease_owner, lease_until, "
    "created_at, updated_at";

constexpr const char* kItemColumns =
    "id, feed_id, guid, link, title, summary, content, author, published_at, entry_updated_at, "
    "first_seen_at, "
    "last_seen_at, extra, title_type, summary_type, content_type, source_fingerprint";

// A column that does not read as a timestamp is left empty and named in feed.unreadable.
domain::Feed feed_from_row(const Result& result, int row) {
  domain::Feed feed;
  feed.id = result.integer(row, 0);
  feed.url = result.text(row, 1);
  feed.title = result.optional_text(row, 2);
  feed.site_url = result.optional_text(row, 3);
  feed.description = result.optional_text(row, 4);
  feed.disabled = result.boolean(row, 5);
  feed.disabled_reason = result.optional_text(row, 6);
  feed.etag = result.optional_text(row, 7);
  feed.last_modified = result.optional_text(row, 8);
  feed.newest_item_date = read_tolerantly([&] { return result.optional_time(row, 9); }, feed.unreadable);
  feed.last_polled_at = read_tolerantly([&] { return result.optional_time(row, 10); }, feed.unreadable);
  const auto status = result.optional_integer(row, 11);
  if (status) feed.last_status = static_cast<int>(*status);
  feed.last_error = result.optional_text(row, 12);
  feed.consecutive_failures = static_cast<int>(result.integer(row, 13));
  feed.next_poll_at = read_tolerantly([&] { return result.optional_time(row, 14); }, feed.unreadable);
  feed.lease_owner = result.optional_text(row, 15);
  feed.lease_until = read_tolerantly([&] { return result.optional_time(row, 16); }, feed.unreadable);
  feed.created_at = read_tolerantly([&] { return result.optional_time(row, 17); }, feed.unreadable)
                        .value_or(support::Timestamp{});
  feed.updated_at = read_tolerantly([&] { return result.optional_time(row, 18); }, feed.unreadable)
                        .value_or(support::Timestamp{});
  return feed;
}

std::vector<domain::Feed> feeds_from(const Result& result) {
  std::vector<domain::Feed> feeds;
  for (int row = 0; row < result.rows(); ++row) feeds.push_back(feed_from_row(result, row));
  return feeds;
}

domain::FeedItem item_from_row(const Result& result, int row) {
  domain::FeedItem item;
  item.id = result.integer(row, 0);
  item.feed_id = result.integer(row, 1);
  item.guid = result.text(row, 2);
  item.link = result.optional_text(row, 3);
  item.title = result.optional_text(row, 4);
  item.summary = result.optional_text(row, 5);
  item.content = result.optional_text(row, 6);
  item.author = result.optional_text(row, 7);
  item.published_at = result.optional_time(row, 8);
  item.entry_updated_at = result.optional_time(row, 9);
  item.first_seen_at = result.time(row, 10);
  item.last_seen_at = result.time(row, 11);
  item.extra_json = compact_json(result.text(row, 12));
  item.title_type = domain::text_type_from_name(result.text(row, 13)).value_or(domain::TextType::kText);
  item.summary_type = domain::text_type_from_name(result.text(row, 14)).value_or(domain::TextType::kHtml);
  item.content_type = domain::text_type_from_name(result.text(row, 15)).value_or(domain::TextType::kHtml);
  item.source_fingerprint = result.optional_text(row, 16);
  return item;
}

std::optional<std::int64_t> optional_int(const std::optional<int>& value) {
  if (!value) return std::nullopt;
  return *value;
}

}  // namespace

std::pair<domain::Feed, bool> PostgresStore::get_or_create_feed(const std::string& url) {
  const Result inserted =
      connection_.exec("create feed " + url,
                       std::string("INSERT INTO feeds (url, created_at, updated_at) "
                                   "VALUES ($1, $2, $2) ON CONFLICT (url) DO NOTHING RETURNING ") +
                           kFeedColumns,
                       Params().text(url).time(clock_.now()));
  if (inserted.rows() == 1) return {feed_from_row(inserted, 0), true};
  auto existing = find_feed_by_url(url);
  if (!existing) throw support::StoreError("PostgreSQL: feed " + url + " vanished while being created");
  return {*existing, false};
}

std::optional<domain::Feed> PostgresStore::find_feed_by_url(const std::string& url) {
  const Result result = connection_.exec("find feed " + url,
                                         std::string("SELECT ") + kFeedColumns + " FROM feeds WHERE url = $1",
                                         Params().text(url));
  if (result.rows() == 0) return std::nullopt;
  return feed_from_row(result, 0);
}

std::optional<domain::Feed> PostgresStore::get_feed(std::int64_t feed_id) {
  const Result result = connection_.exec(
      "read feed " + std::to_string(feed_id),
      std::string("SELECT ") + kFeedColumns + " FROM feeds WHERE id = $1::bigint", Params().integer(feed_id));
  if (result.rows() == 0) return std::nullopt;
  return feed_from_row(result, 0);
}

std::vector<domain::Feed> PostgresStore::list_feeds() {
  return feeds_from(
      connection_.exec("list feeds", std::string("SELECT ") + kFeedColumns + " FROM feeds ORDER BY id"));
}

void PostgresStore::update_feed(const domain::Feed& feed) {
  connection_.exec(
      "update feed " + feed.url,
      "UPDATE feeds SET url = $2, title = $3, site_url = $4, description = $5, disabled = $6::boolean, "
      "disabled_reason = $7, etag = $8, last_modified = $9, newest_item_date = $10::timestamptz, "
      "last_polled_at = $11::timestamptz, last_status = $12::integer, last_error = $13, "
      "consecutive_failures = $14::integer, next_poll_at = $15::timestamptz, lease_owner = $16, "
      "lease_until = $17::timestamptz, updated_at = $18::timestamptz WHERE id = $1::bigint",
      Params()
          .integer(feed.id)
          .text(feed.url)
          .text(feed.title)
          .text(feed.site_url)
          .text(feed.description)
          .boolean(feed.disabled)
          .text(feed.disabled_reason)
          .text(feed.etag)
          .text(feed.last_modified)
          .time(feed.newest_item_date)
          .time(feed.last_polled_at)
          .integer(optional_int(feed.last_status))
          .text(feed.last_error)
          .integer(std::int64_t{feed.consecutive_failures})
          .time(feed.next_poll_at)
          .text(feed.lease_owner)
          .time(feed.lease_until)
          .time(clock_.now()));
}

std::vector<domain::Feed> PostgresStore::claim_feeds(const FeedClaim& claim) {
  // SKIP LOCKED: a worker passes over rows another worker is claiming right now instead of waiting
  // for it and then polling the same feeds. A next_poll_at past the year 9999 (written before the
  // store clamped timestamps) counts as due, so that feed is polled and its row written afresh.
  const Result result = connection_.exec(
      "claim feeds for " + claim.lease_owner,
      std::string("WITH candidates AS (SELECT id AS claimed_id FROM feeds WHERE "
                  "(CASE WHEN cardinality($4::bigint[]) > 0 THEN id = ANY($4::bigint[]) "
                  "ELSE NOT disabled AND ($5::boolean OR next_poll_at IS NULL OR next_poll_at <= "
                  "$1::timestamptz OR next_poll_at >= '10000-01-01T00:00:00Z'::timestamptz) END) "
                  "AND (lease_until IS NULL OR lease_until <= $1::timestamptz OR lease_owner = $2) "
                  "ORDER BY next_poll_at NULLS FIRST, id LIMIT $6::bigint FOR UPDATE SKIP LOCKED) "
                  "UPDATE feeds f SET lease_owner = $2, lease_until = $3::timestamptz FROM candidates c "
                  "WHERE f.id = c.claimed_id RETURNING ") +
          kFeedColumns,
      Params()
          .time(claim.now)
          .text(claim.lease_owner)
          .time(claim.lease_until)
          .integer_array(claim.feed_ids)
          .boolean(claim.ignore_schedule)
          .integer(claim.limit));
  std::vector<domain::Feed> feeds = feeds_from(result);
  // RETURNING has no order of its own: restore the claim order.
  std::sort(feeds.begin(), feeds.end(), [](const domain::Feed& left, const domain::Feed& right) {
    if (left.next_poll_at != right.next_poll_at) {
      if (!left.next_poll_at) return true;
      if (!right.next_poll_at) return false;
      return *left.next_poll_at < *right.next_poll_at;
    }
    return left.id < right.id;
  });
  return feeds;
}

domain::ItemUpsertOutcome PostgresStore::upsert_feed_item(std::int64_t feed_id,
                                                          const domain::FeedItemInput& item,
                                                          support::Timestamp seen_at) {
  // xmax is 0 on a freshly inserted row version and set when ON CONFLICT updated an existing one:
  // the usual way to tell the two apart in one round trip.
  const Result result = connection_.exec(
      "store item " + item.guid + " of feed " + std::to_string(feed_id),
      "INSERT INTO feed_items (feed_id, guid, link, title, summary, content, author, published_at, "
      "entry_updated_at, first_seen_at, last_seen_at, extra, title_type, summary_type, content_type, "
      "source_fingerprint, created_at, updated_at) "
      "VALUES ($1::bigint, $2, $3, $4, $5, $6, $7, $8::timestamptz, $9::timestamptz, $10::timestamptz, "
      "$10::timestamptz, $11::jsonb, $13, $14, $15, $16, $12::timestamptz, $12::timestamptz) "
      "ON CONFLICT (feed_id, guid) DO UPDATE SET link = EXCLUDED.link, title = EXCLUDED.title, "
      "summary = EXCLUDED.summary, content = EXCLUDED.content, author = EXCLUDED.author, "
      "published_at = COALESCE(feed_items.published_at, EXCLUDED.published_at), "
      "entry_updated_at = EXCLUDED.entry_updated_at, last_seen_at = EXCLUDED.last_seen_at, "
      "extra = EXCLUDED.extra, title_type = EXCLUDED.title_type, summary_type = EXCLUDED.summary_type, "
      "content_type = EXCLUDED.content_type, source_fingerprint = EXCLUDED.source_fingerprint, "
      "updated_at = EXCLUDED.updated_at "
      "RETURNING (xmax = 0)",
      Params()
          .integer(feed_id)
          .text(item.guid)
          .text(item.link)
          .text(item.title)
          .text(item.summary)
          .text(item.content)
          .text(item.author)
          .time(item.published_at)
          .time(item.entry_updated_at)
          .time(seen_at)
          .text(item.extra_json)
          .time(clock_.now())
          .text(std::string(domain::text_type_name(item.title_type)))
          .text(std::string(domain::text_type_name(item.summary_type)))
          .text(std::string(domain::text_type_name(item.content_type)))
          .text(item.source_fingerprint));
  return result.boolean(0, 0) ? domain::ItemUpsertOutcome::kInserted : domain::ItemUpsertOutcome::kUpdated;
}

std::vector<domain::FeedItem> PostgresStore::list_feed_items(std::int64_t feed_id) {
  const Result result = connection_.exec(
      "list items of feed " + std::to_string(feed_id),
      std::string("SELECT ") + kItemColumns + " FROM feed_items WHERE feed_id = $1::bigint ORDER BY id",
      Params().integer(feed_id));
  std::vector<domain::FeedItem> items;
  for (int row = 0; row < result.rows(); ++row) items.push_back(item_from_row(result, row));
  return items;
}

std::unordered_map<std::string, std::string> PostgresStore::item_fingerprints(
    std::int64_t feed_id, const std::vector<std::string>& guids) {
  std::unordered_map<std::string, std::string> fingerprints;
  if (guids.empty()) return fingerprints;
  const Result result =
      connection_.exec("read item fingerprints of feed " + std::to_string(feed_id),
                       "SELECT guid, source_fingerprint FROM feed_items WHERE feed_id = $1::bigint "
                       "AND guid = ANY($2::text[]) AND source_fingerprint IS NOT NULL",
                       Params().integer(feed_id).text_array(guids));
  for (int row = 0; row < result.rows(); ++row)
    fingerprints.emplace(result.text(row, 0), result.text(row, 1));
  return fingerprints;
}

std::int64_t PostgresStore::mark_items_seen(std::int64_t feed_id, const std::vector<std::string>& guids,
                                            support::Timestamp seen_at) {
  if (guids.empty()) return 0;
  return connection_
      .exec("mark items of feed " + std::to_string(feed_id) + " seen",
            "UPDATE feed_items SET last_seen_at = $3::timestamptz WHERE feed_id = $1::bigint "
            "AND guid = ANY($2::text[])",
            Params().integer(feed_id).text_array(guids).time(seen_at))
      .affected();
}

std::int64_t PostgresStore::prune_feed_items(std::int64_t feed_id, const domain::ItemRetention& retention,
                                             support::Timestamp seen_at) {
  if (!retention.any()) return 0;
  // LIMIT NULL is LIMIT ALL; a NULL cutoff compares as unknown, so neither rule then deletes.
  const Result result = connection_.exec(
      "prune items of feed " + std::to_string(feed_id),
      "DELETE FROM feed_items WHERE feed_id = $1::bigint AND last_seen_at < $2::timestamptz AND ("
      "id NOT IN (SELECT id FROM feed_items WHERE feed_id = $1::bigint "
      "ORDER BY coalesce(published_at, entry_updated_at, first_seen_at) DESC, id DESC LIMIT $3::bigint) "
      "OR coalesce(published_at, entry_updated_at, first_seen_at) < $4::timestamptz)",
      Params()
          .integer(feed_id)
          .time(seen_at)
          .integer(retention.keep_newest)
          .time(retention.oldest_kept(seen_at)));
  return result.affected();
}

}  // namespace pebble::store
