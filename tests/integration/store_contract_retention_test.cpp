// The store contract for PEBBLE_ITEM_RETENTION: a feed that publishes thousands of items a day
// kept every one forever. prune_feed_items deletes what the rules say, never an item the latest
// poll saw (deleting it would make the next poll count it as new again).
#include <string>

#include <catch2/catch.hpp>

#include "store_backends.h"

using pebble::domain::ItemRetention;
using pebble::store::Store;
using pebble::support::Timestamp;
using pebble::test::at;

namespace {

// Items g0..g5 published a day apart from 2025-06-01 (g5 newest), first seen at `old_poll`; g4
// and g5 are in the latest document (seen at `new_poll`); one undated item was first seen long ago.
struct RetentionFixture {
  explicit RetentionFixture(const std::string& backend) : opened(pebble::test::open_fresh_store(backend)) {
    Store& store = *opened.store;
    feed_id = store.get_or_create_feed("https://example.com/busy.xml").first.id;
    other_id = store.get_or_create_feed("https://example.com/other.xml").first.id;
    for (int day = 0; day < 6; ++day) {
      pebble::domain::FeedItemInput item;
      item.guid = "g" + std::to_string(day);
      item.published_at = at(("2025-06-0" + std::to_string(day + 1) + "T00:00:00Z").c_str());
      store.upsert_feed_item(feed_id, item, old_poll);
      store.upsert_feed_item(other_id, item, old_poll);
    }
    pebble::domain::FeedItemInput undated;
    undated.guid = "undated";
    store.upsert_feed_item(feed_id, undated, at("2025-05-01T00:00:00Z"));
    for (const char* guid : {"g4", "g5"}) {
      pebble::domain::FeedItemInput item;
      item.guid = guid;
      store.upsert_feed_item(feed_id, item, new_poll);
    }
  }
  std::string guids() {
    std::string out;
    for (const auto& item : opened.store->list_feed_items(feed_id))
      out += (out.empty() ? "" : " ") + item.guid;
    return out;
  }
  pebble::test::OpenedStore opened;
  std::int64_t feed_id = 0;
  std::int64_t other_id = 0;
  Timestamp old_poll = at("2025-06-07T00:00:00Z");
  Timestamp new_poll = at("2025-06-08T00:00:00Z");
};

}  // namespace

TEST_CASE("item retention by count keeps the newest N and every item of the latest document", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  RetentionFixture fixture(backend);
  ItemRetention retention;
  retention.keep_newest = 3;
  CHECK(fixture.opened.store->prune_feed_items(fixture.feed_id, retention, fixture.new_poll) == 4);
  CHECK(fixture.guids() == "g3 g4 g5");
  CHECK(fixture.opened.store->list_feed_items(fixture.other_id).size() == 6);  // other feeds untouched

  retention.keep_newest = 1;  // g4 and g5 are in the document: neither goes
  CHECK(fixture.opened.store->prune_feed_items(fixture.feed_id, retention, fixture.new_poll) == 1);
  CHECK(fixture.guids() == "g4 g5");
}

TEST_CASE("item retention by age deletes items dated before the cutoff, undated by first seen", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  RetentionFixture fixture(backend);
  ItemRetention retention;
  retention.max_age_seconds = 5 * 86400;  // cutoff 2025-06-03T00:00:00Z
  CHECK(fixture.opened.store->prune_feed_items(fixture.feed_id, retention, fixture.new_poll) == 3);
  CHECK(fixture.guids() == "g2 g3 g4 g5");

  retention.keep_newest = 3;  // both rules: either one deletes
  CHECK(fixture.opened.store->prune_feed_items(fixture.feed_id, retention, fixture.new_poll) == 1);
  CHECK(fixture.guids() == "g3 g4 g5");
  CHECK(fixture.opened.store->prune_feed_items(fixture.feed_id, ItemRetention{}, fixture.new_poll) == 0);
}
