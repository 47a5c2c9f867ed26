// The store contract for items a feed sends unchanged (poll/unchanged_items.h): an item's source
// fingerprint is stored and replaced with it, read back for a set of guids in one call, and
// mark_items_seen moves last_seen_at alone, on the given feed's given items only.
#include <catch2/catch.hpp>

#include "store_backends.h"

using pebble::domain::FeedItem;
using pebble::domain::FeedItemInput;
using pebble::store::Store;
using pebble::test::at;

namespace {

FeedItemInput fingerprinted(const std::string& guid, std::optional<std::string> fingerprint) {
  FeedItemInput item;
  item.guid = guid;
  item.title = "Title of " + guid;
  item.content = "<p>Content of " + guid + "</p>";
  item.extra_json = R"({"categories":["c"]})";
  item.source_fingerprint = std::move(fingerprint);
  return item;
}

const FeedItem& with_guid(const std::vector<FeedItem>& items, const std::string& guid) {
  for (const FeedItem& item : items) {
    if (item.guid == guid) return item;
  }
  FAIL("no item " << guid);
  return items.front();
}

// A fresh store of the backend with two feeds.
struct TwoFeeds {
  explicit TwoFeeds(const std::string& backend) : opened(pebble::test::open_fresh_store(backend)) {
    feed = opened.store->get_or_create_feed("https://example.com/feed").first.id;
    other = opened.store->get_or_create_feed("https://example.com/other").first.id;
  }
  pebble::test::OpenedStore opened;
  std::int64_t feed = 0;
  std::int64_t other = 0;
};

}  // namespace

TEST_CASE("source fingerprints are stored with items and read back by guid", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  const TwoFeeds feeds(backend);
  Store& store = *feeds.opened.store;
  const auto [feed, other] = std::pair(feeds.feed, feeds.other);
  const auto seen = at("2025-06-01T00:00:00Z");
  store.upsert_feed_item(feed, fingerprinted("a", "fa"), seen);
  store.upsert_feed_item(feed, fingerprinted("b", "fb"), seen);
  store.upsert_feed_item(feed, fingerprinted("unprinted", std::nullopt), seen);
  store.upsert_feed_item(other, fingerprinted("c", "fc"), seen);
  // A guid with a quote, a backslash and non-ASCII text travels through the one-parameter list.
  store.upsert_feed_item(feed, fingerprinted("urn:\"odd\\guid\" é", "fodd"), seen);

  using Fingerprints = std::unordered_map<std::string, std::string>;
  CHECK(store.item_fingerprints(feed, {"a", "b", "unprinted", "c", "missing", "urn:\"odd\\guid\" é"}) ==
        Fingerprints{{"a", "fa"}, {"b", "fb"}, {"urn:\"odd\\guid\" é", "fodd"}});
  CHECK(store.item_fingerprints(other, {"a", "c"}) == Fingerprints{{"c", "fc"}});
  CHECK(store.item_fingerprints(feed, {}).empty());
  CHECK(with_guid(store.list_feed_items(feed), "a").source_fingerprint == "fa");
  CHECK_FALSE(with_guid(store.list_feed_items(feed), "unprinted").source_fingerprint.has_value());

  // A refresh replaces it, and one without a fingerprint clears it.
  store.upsert_feed_item(feed, fingerprinted("a", "fa2"), seen);
  store.upsert_feed_item(feed, fingerprinted("b", std::nullopt), seen);
  CHECK(store.item_fingerprints(feed, {"a", "b"}) == Fingerprints{{"a", "fa2"}});
}

TEST_CASE("mark_items_seen moves last_seen_at of the given items and nothing else", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  const TwoFeeds feeds(backend);
  Store& store = *feeds.opened.store;
  const auto [feed, other] = std::pair(feeds.feed, feeds.other);
  const auto first = at("2025-06-01T00:00:00Z");
  const auto later = at("2025-06-02T00:00:00Z");
  for (const char* guid : {"a", "b", "c"}) store.upsert_feed_item(feed, fingerprinted(guid, "f"), first);
  store.upsert_feed_item(other, fingerprinted("a", "f"), first);
  const std::vector<FeedItem> before = store.list_feed_items(feed);
  const bool shared = pebble::test::is_shared_database(backend);
  const std::string updated_sql = "SELECT guid, updated_at FROM feed_items ORDER BY id";
  const auto updated_before =
      shared ? pebble::test::query_rows(backend, feeds.opened.url, updated_sql) : std::vector<std::string>{};

  CHECK(store.mark_items_seen(feed, {"a", "c", "missing"}, later) == 2);
  CHECK(store.mark_items_seen(feed, {}, later) == 0);
  const std::vector<FeedItem> after = store.list_feed_items(feed);
  REQUIRE(after.size() == before.size());
  for (std::size_t index = 0; index < after.size(); ++index) {
    FeedItem expected = before[index];
    if (expected.guid != "b") expected.last_seen_at = later;
    INFO(expected.guid);
    CHECK(after[index].last_seen_at == expected.last_seen_at);
    CHECK(after[index].first_seen_at == expected.first_seen_at);
    CHECK(after[index].title == expected.title);
    CHECK(after[index].content == expected.content);
    CHECK(after[index].extra_json == expected.extra_json);
    CHECK(after[index].source_fingerprint == expected.source_fingerprint);
  }
  CHECK(store.list_feed_items(other).front().last_seen_at == first);
  // updated_at says when the row last changed: being seen again is not a change.
  if (shared) CHECK(pebble::test::query_rows(backend, feeds.opened.url, updated_sql) == updated_before);
}
