// The store contract: timestamps outside 0001–9999 (a huge Retry-After, an Atom date of
// 9999-12-31T23:59:59-14:00) are clamped on the way in, and a row written before the clamp reads
// back as that feed's problem (feed.unreadable) instead of an error of every run.
#include <catch2/catch.hpp>

#include "store_backends.h"

using pebble::domain::Feed;
using pebble::store::FeedClaim;
using pebble::store::Store;
using pebble::store::TxMode;
using pebble::support::Timestamp;
using pebble::test::at;

TEST_CASE("next_poll_at in the year 10265 (Retry-After: 260000000000) is stored as 9999-12-31", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  Feed feed = store.get_or_create_feed("https://example.com/far.xml").first;
  const Timestamp now = at("2025-06-01T12:00:00Z");
  feed.next_poll_at = Timestamp{now.micros + 260'000'000'000LL * 1'000'000};
  feed.newest_item_date = at("9999-12-31T23:59:59-14:00");         // 10000-01-01T13:59:59Z
  feed.last_polled_at = Timestamp{-70'000'000'000LL * 1'000'000};  // before the year 1
  store.update_feed(feed);
  const Feed back = *store.get_feed(feed.id);
  CHECK_FALSE(back.unreadable);
  CHECK(back.next_poll_at == at("9999-12-31T23:59:59.999999Z"));
  CHECK(back.newest_item_date == at("9999-12-31T23:59:59.999999Z"));
  CHECK(back.last_polled_at == at("0001-01-01T00:00:00Z"));

  pebble::domain::FeedItemInput item;
  item.guid = "far";
  item.published_at = at("9999-12-31T23:59:59-14:00");
  store.upsert_feed_item(feed.id, item, now);
  CHECK(store.list_feed_items(feed.id).at(0).published_at == at("9999-12-31T23:59:59.999999Z"));
}

TEST_CASE("a stored timestamp past 9999 makes that feed's row partly unreadable, not the run fail",
          "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  if (!pebble::test::is_shared_database(backend)) return;  // the bad row is written from outside
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  const Feed bad = store.get_or_create_feed("https://example.com/bad.xml").first;
  const Feed good = store.get_or_create_feed("https://example.com/good.xml").first;
  pebble::test::query_rows(backend, opened.url,
                           "UPDATE feeds SET next_poll_at = '10265-01-01T00:00:00Z', "
                           "newest_item_date = '10265-01-01T00:00:00Z' WHERE id = " +
                               std::to_string(bad.id));
  const auto feeds = store.list_feeds();
  REQUIRE(feeds.size() == 2);
  CHECK(feeds[0].unreadable);
  CHECK_FALSE(feeds[0].next_poll_at);
  CHECK_FALSE(feeds[1].unreadable);

  // The due claim takes the bad feed (so polling writes its row afresh) along with the good one.
  FeedClaim claim;
  claim.now = at("2025-06-01T12:00:00Z");
  claim.lease_owner = "me";
  claim.lease_until = at("2025-06-01T12:10:00Z");
  std::vector<Feed> claimed;
  {
    pebble::store::Transaction transaction(store, TxMode::kWrite);
    claimed = store.claim_feeds(claim);
    transaction.commit();
  }
  REQUIRE(claimed.size() == 2);
  Feed healed = claimed[0].id == bad.id ? claimed[0] : claimed[1];
  CHECK(healed.unreadable);
  store.update_feed(healed);
  CHECK_FALSE(store.get_feed(bad.id)->unreadable);
  CHECK(good.id != bad.id);
}
