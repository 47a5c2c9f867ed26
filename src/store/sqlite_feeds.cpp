// SQLite store: feeds, their leases (claim_feeds) and feed items (briefs/schema.md).
#include <string>

#include <nlohmann/json.hpp>

#include "store/sqlite_store_impl.h"
#include "store/stored_time.h"
#include "support/error.h"

namespace pebble::store {

namespace {

const std::string kFeedSelect =
    "SELECT id, url, title, site_url, description, disabled, disabled_reason, etag, last_modified, "
    "newest_item_date, last_polled_at, last_status, last_error, consecutive_failures, next_poll_at, "
    "lease_owner, "
    "lease_until, created_at, updated_at FROM feeds";

// A column that does not read as a timestamp is left empty and named in feed.unreadable.
domain::Feed read_feed(const SqliteStatement& statement) {
  domain::Feed feed;
  feed.id = statement.integer(0);
  feed.url = statement.text(1);
  feed.title = statement.optional_text(2);
  feed.site_url = statement.optional_text(3);
  feed.description = statement.optional_text(4);
  feed.disabled = statement.boolean(5);
  feed.disabled_reason = statement.optional_text(6);
  feed.etag = statement.optional_text(7);
  feed.last_modified = statement.optional_text(8);
  feed.newest_item_date = read_tolerantly([&] { return statement.optional_timestamp(9); }, feed.unreadable);
  feed.last_polled_at = read_tolerantly([&] { return statement.optional_timestamp(10); }, feed.unreadable);
  if (const auto status = statement.optional_integer(11)) feed.last_status = static_cast<int>(*status);
  feed.last_error = statement.optional_text(12);
  feed.consecutive_failures = static_cast<int>(statement.integer(13));
  feed.next_poll_at = read_tolerantly([&] { return statement.optional_timestamp(14); }, feed.unreadable);
  feed.lease_owner = statement.optional_text(15);
  feed.lease_until = read_tolerantly([&] { return statement.optional_timestamp(16); }, feed.unreadable);
  feed.created_at = read_tolerantly([&] { return statement.optional_timestamp(17); }, feed.unreadable)
                        .value_or(support::Timestamp{});
  feed.updated_at = read_tolerantly([&] { return statement.optional_timestamp(18); }, feed.unreadable)
                        .value_or(support::Timestamp{});
  return feed;
}

const std::string kItemSelect =
    "SELECT id, feed_id, guid, link, title, summary, content, author, published_at, entry_updated_at, "
    "first_seen_at, last_seen_at, extra, title_type, summary_type, content_type, source_fingerprint "
    "FROM feed_items";

domain::FeedItem read_item(const SqliteStatement& statement) {
  domain::FeedItem item;
  item.id = statement.integer(0);
  item.feed_id = statement.integer(1);
  item.guid = statement.text(2);
  item.link = statement.optional_text(3);
  item.title = statement.optional_text(4);
  item.summary = statement.optional_text(5);
  item.content = statement.optional_text(6);
  item.author = statement.optional_text(7);
  item.published_at = statement.optional_timestamp(8);
  item.entry_updated_at = statement.optional_timestamp(9);
  item.first_seen_at = statement.timestamp(10);
  item.last_seen_at = statement.timestamp(11);
  item.extra_json = statement.text(12);
  item.title_type = domain::text_type_from_name(statement.text(13)).value_or(domain::TextType::kText);
  item.summary_type = domain::text_type_from_name(statement.text(14)).value_or(domain::TextType::kHtml);
  item.content_type = domain::text_type_from_name(statement.text(15)).value_or(domain::TextType::kHtml);
  item.source_fingerprint = statement.optional_text(16);
  return item;
}

// The guids as a JSON array, so one bound parameter carries any number of them (json_each). A
// guid that is not UTF-8 then matches no row, which only costs its item a sanitizing pass.
std::string json_text_list(const std::vector<std::string>& values) {
  return nlohmann::json(values).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The ids as a JSON array, so one bound parameter carries any number of them (json_each).
std::string json_id_list(const std::vector<std::int64_t>& ids) {
  std::string json = "[";
  for (std::size_t index = 0; index < ids.size(); ++index) {
    if (index > 0) json += ",";
    json += std::to_string(ids[index]);
  }
  return json + "]";
}

}  // namespace

std::pair<domain::Feed, bool> SqliteStore::get_or_create_feed(const std::string& url) {
  return write_atomically([&] {
    const support::Timestamp now = clock_.now();
    connection_
        .prepare(
            "create feed",
            "INSERT INTO feeds (url, created_at, updated_at) VALUES (?, ?, ?) ON CONFLICT (url) DO NOTHING")
        .bind_all(url, now, now)
        .run();
    const bool created = connection_.changes() > 0;
    auto feed = find_feed_by_url(url);
    if (!feed)
      throw support::StoreError("SQLite database " + connection_.path() + ": feed " + url + " vanished");
    return std::make_pair(*feed, created);
  });
}

std::optional<domain::Feed> SqliteStore::find_feed_by_url(const std::string& url) {
  auto statement = connection_.prepare("find feed", kFeedSelect + " WHERE url = ?");
  statement.bind_all(url);
  if (!statement.step()) return std::nullopt;
  return read_feed(statement);
}

std::optional<domain::Feed> SqliteStore::get_feed(std::int64_t feed_id) {
  auto statement = connection_.prepare("read feed", kFeedSelect + " WHERE id = ?");
  statement.bind_all(feed_id);
  if (!statement.step()) return std::nullopt;
  return read_feed(statement);
}

std::vector<domain::Feed> SqliteStore::list_feeds() {
  auto statement = connection_.prepare("list feeds", kFeedSelect + " ORDER BY id");
  std::vector<domain::Feed> feeds;
  while (statement.step()) feeds.push_back(read_feed(statement));
  return feeds;
}

void SqliteStore::update_feed(const domain::Feed& feed) {
  connection_
      .prepare(
          "update feed",
          "UPDATE feeds SET url = ?, title = ?, site_url = ?, description = ?, disabled = ?, "
          "disabled_reason = ?, etag = ?, last_modified = ?, newest_item_date = ?, last_polled_at = ?, "
          "last_status = ?, last_error = ?, consecutive_failures = ?, next_poll_at = ?, lease_owner = ?, "
          "lease_until = ?, updated_at = ? WHERE id = ?")
      .bind_all(feed.url, feed.title, feed.site_url, feed.description, feed.disabled, feed.disabled_reason,
                feed.etag, feed.last_modified, feed.newest_item_date, feed.last_polled_at, feed.last_status,
                feed.last_error, feed.consecutive_failures, feed.next_poll_at, feed.lease_owner,
                feed.lease_until, clock_.now(), feed.id)
      .run();
  if (connection_.changes() == 0) {
    throw support::StoreError("SQLite database " + connection_.path() + ": cannot update feed " +
                              std::to_string(feed.id) + ": no such feed");
  }
}

std::vector<domain::Feed> SqliteStore::claim_feeds(const FeedClaim& claim) {
  return write_atomically([&] {
    // Candidates: the given ids, or enabled feeds that are due (or all enabled ones); never a feed
    // another worker holds a valid lease on.
    const std::string sql =
        "SELECT id FROM feeds WHERE "
        "(CASE WHEN ?1 THEN id IN (SELECT value FROM json_each(?2)) "
        "ELSE disabled = 0 AND (?3 OR next_poll_at IS NULL OR next_poll_at <= ?4) END) "
        "AND NOT (lease_until IS NOT NULL AND lease_until > ?4 AND lease_owner IS NOT ?5) "
        "ORDER BY next_poll_at IS NOT NULL, next_poll_at, id LIMIT ?6";
    std::vector<std::int64_t> ids;
    {
      auto statement = connection_.prepare("choose feeds to claim", sql);
      statement.bind_all(!claim.feed_ids.empty(), json_id_list(claim.feed_ids), claim.ignore_schedule,
                         claim.now, claim.lease_owner, claim.limit.value_or(-1));
      while (statement.step()) ids.push_back(statement.integer(0));
    }
    std::vector<domain::Feed> claimed;
    for (const std::int64_t id : ids) {
      connection_.prepare("lease feed", "UPDATE feeds SET lease_owner = ?, lease_until = ? WHERE id = ?")
          .bind_all(claim.lease_owner, claim.lease_until, id)
          .run();
      if (auto feed = get_feed(id)) claimed.push_back(std::move(*feed));
    }
    return claimed;
  });
}

domain::ItemUpsertOutcome SqliteStore::upsert_feed_item(std::int64_t feed_id,
                                                        const domain::FeedItemInput& item,
                                                        support::Timestamp seen_at) {
  return write_atomically([&] {
    std::optional<std::int64_t> existing_id;
    {
      auto statement =
          connection_.prepare("find feed item", "SELECT id FROM feed_items WHERE feed_id = ? AND guid = ?");
      statement.bind_all(feed_id, item.guid);
      if (statement.step()) existing_id = statement.integer(0);
    }
    const support::Timestamp now = clock_.now();
    if (!existing_id) {
      connection_
          .prepare(
              "insert feed item",
              "INSERT INTO feed_items (feed_id, guid, link, title, summary, content, author, published_at, "
              "entry_updated_at, first_seen_at, last_seen_at, extra, title_type, summary_type, content_type, "
              "source_fingerprint, created_at, updated_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .bind_all(feed_id, item.guid, item.link, item.title, item.summary, item.content, item.author,
                    item.published_at, item.entry_updated_at, seen_at, seen_at, item.extra_json,
                    domain::text_type_name(item.title_type), domain::text_type_name(item.summary_type),
                    domain::text_type_name(item.content_type), item.source_fingerprint, now, now)
          .run();
      return domain::ItemUpsertOutcome::kInserted;
    }
    connection_
        .prepare(
            "refresh feed item",
            "UPDATE feed_items SET link = ?, title = ?, summary = ?, content = ?, author = ?, "
            "published_at = coalesce(published_at, ?), entry_updated_at = ?, extra = ?, title_type = ?, "
            "summary_type = ?, content_type = ?, source_fingerprint = ?, last_seen_at = ?, updated_at = ? "
            "WHERE id = ?")
        .bind_all(item.link, item.title, item.summary, item.content, item.author, item.published_at,
                  item.entry_updated_at, item.extra_json, domain::text_type_name(item.title_type),
                  domain::text_type_name(item.summary_type), domain::text_type_name(item.content_type),
                  item.source_fingerprint, seen_at, now, *existing_id)
        .run();
    return domain::ItemUpsertOutcome::kUpdated;
  });
}

std::vector<domain::FeedItem> SqliteStore::list_feed_items(std::int64_t feed_id) {
  auto statement = connection_.prepare("list feed items", kItemSelect + " WHERE feed_id = ? ORDER BY id");
  statement.bind_all(feed_id);
  std::vector<domain::FeedItem> items;
  while (statement.step()) items.push_back(read_item(statement));
  return items;
}

std::unordered_map<std::string, std::string> SqliteStore::item_fingerprints(
    std::int64_t feed_id, const std::vector<std::string>& guids) {
  std::unordered_map<std::string, std::string> fingerprints;
  if (guids.empty()) return fingerprints;
  auto statement =
      connection_.prepare("read item fingerprints",
                          "SELECT guid, source_fingerprint FROM feed_items WHERE feed_id = ?1 "
                          "AND guid IN (SELECT value FROM json_each(?2)) AND source_fingerprint IS NOT NULL");
  statement.bind_all(feed_id, json_text_list(guids));
  while (statement.step()) fingerprints.emplace(statement.text(0), statement.text(1));
  return fingerprints;
}

std::int64_t SqliteStore::mark_items_seen(std::int64_t feed_id, const std::vector<std::string>& guids,
                                          support::Timestamp seen_at) {
  if (guids.empty()) return 0;
  return write_atomically([&] {
    connection_
        .prepare("mark items seen",
                 "UPDATE feed_items SET last_seen_at = ?1 WHERE feed_id = ?2 "
                 "AND guid IN (SELECT value FROM json_each(?3))")
        .bind_all(seen_at, feed_id, json_text_list(guids))
        .run();
    return connection_.changes();
  });
}

std::int64_t SqliteStore::prune_feed_items(std::int64_t feed_id, const domain::ItemRetention& retention,
                                           support::Timestamp seen_at) {
  if (!retention.any()) return 0;
  // Every timestamp is ISO text of one width, so text order is time order. LIMIT -1 keeps all.
  return write_atomically([&] {
    connection_
        .prepare("prune feed items",
                 "DELETE FROM feed_items WHERE feed_id = ? AND last_seen_at < ? AND ("
                 "id NOT IN (SELECT id FROM feed_items WHERE feed_id = ? "
                 "ORDER BY coalesce(published_at, entry_updated_at, first_seen_at) DESC, id DESC LIMIT ?) "
                 "OR coalesce(published_at, entry_updated_at, first_seen_at) < ?)")
        .bind_all(feed_id, seen_at, feed_id, retention.keep_newest.value_or(-1),
                  retention.oldest_kept(seen_at))
        .run();
    return connection_.changes();
  });
}

}  // namespace pebble::store
