// The store contract: feeds, leases (claim_feeds) and feed items.
#include <catch2/catch.hpp>

#include "store_backends.h"
#include "support/error.h"

using pebble::domain::Feed;
using pebble::domain::FeedItemInput;
using pebble::domain::ItemUpsertOutcome;
using pebble::store::FeedClaim;
using pebble::store::Store;
using pebble::store::TxMode;
using pebble::support::Timestamp;
using pebble::test::at;

namespace {

using Ids = std::vector<std::int64_t>;

const Timestamp kNow = at("2025-06-01T12:00:00Z");
constexpr std::int64_t kMinute = 60 * 1000000LL;

Timestamp minutes_from_now(std::int64_t minutes) {
  return Timestamp{kNow.micros + minutes * kMinute};
}

// One feed per claim rule, created in this order so ids ascend.
struct ClaimFixture {
  std::int64_t never_polled, due, expired_lease, own_lease, due_exactly, future, disabled, leased_by_other;
};

std::int64_t make_feed(Store& store, const std::string& name, std::optional<Timestamp> next_poll_at,
                       bool disabled = false, std::optional<std::string> lease_owner = std::nullopt,
                       std::optional<Timestamp> lease_until = std::nullopt) {
  Feed feed = store.get_or_create_feed("https://example.com/" + name).first;
  feed.next_poll_at = next_poll_at;
  feed.disabled = disabled;
  feed.lease_owner = lease_owner;
  feed.lease_until = lease_until;
  store.update_feed(feed);
  return feed.id;
}

ClaimFixture make_claim_fixture(Store& store) {
  ClaimFixture fixture{};
  fixture.never_polled = make_feed(store, "never", std::nullopt);
  fixture.due = make_feed(store, "due", minutes_from_now(-60));
  fixture.expired_lease =
      make_feed(store, "expired", minutes_from_now(-30), false, "other", minutes_from_now(-1));
  fixture.own_lease = make_feed(store, "own", minutes_from_now(-20), false, "me", minutes_from_now(10));
  fixture.due_exactly = make_feed(store, "exact", kNow);
  fixture.future = make_feed(store, "future", minutes_from_now(60));
  fixture.disabled = make_feed(store, "disabled", std::nullopt, true);
  fixture.leased_by_other =
      make_feed(store, "leased", minutes_from_now(-50), false, "other", minutes_from_now(10));
  return fixture;
}

Ids claim_ids(Store& store, const FeedClaim& claim) {
  pebble::store::Transaction transaction(store, TxMode::kWrite);
  Ids ids;
  for (const Feed& feed : store.claim_feeds(claim)) {
    CHECK(feed.lease_owner == claim.lease_owner);
    CHECK(feed.lease_until == claim.lease_until);
    ids.push_back(feed.id);
  }
  transaction.commit();
  return ids;
}

FeedClaim make_claim(const std::string& owner) {
  FeedClaim claim;
  claim.now = kNow;
  claim.lease_owner = owner;
  claim.lease_until = minutes_from_now(5);
  return claim;
}

}  // namespace

TEST_CASE("feeds are unique by url and update_feed writes every column", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  const auto [feed, created] = store.get_or_create_feed("https://example.com/feed.xml");
  CHECK(created);
  CHECK(feed.id > 0);
  CHECK_FALSE(feed.disabled);
  CHECK(feed.consecutive_failures == 0);
  CHECK_FALSE(feed.next_poll_at);
  const auto [again, created_again] = store.get_or_create_feed("https://example.com/feed.xml");
  CHECK_FALSE(created_again);
  CHECK(again.id == feed.id);
  CHECK(store.find_feed_by_url("https://example.com/feed.xml")->id == feed.id);
  CHECK_FALSE(store.find_feed_by_url("https://example.com/other.xml"));
  CHECK_FALSE(store.get_feed(feed.id + 1000));

  Feed changed = feed;
  changed.url = "https://example.com/moved.xml";
  changed.title = "Title";
  changed.site_url = "https://example.com/";
  changed.description = "Description";
  changed.disabled = true;
  changed.disabled_reason = "410 Gone";
  changed.etag = "\"abc\"";
  changed.last_modified = "Sat, 28 Jun 2025 21:34:00 GMT";
  changed.newest_item_date = at("2025-06-28T21:34:00.000001Z");
  changed.last_polled_at = at("2025-06-28T21:35:00.5Z");
  changed.last_status = 410;
  changed.last_error = "gone";
  changed.consecutive_failures = 3;
  changed.next_poll_at = at("2025-06-29T00:00:00Z");
  changed.lease_owner = "worker-1";
  changed.lease_until = at("2025-06-28T21:40:00Z");
  const Timestamp before = pebble::support::now_utc();
  store.update_feed(changed);
  const auto stored = store.get_feed(feed.id);
  REQUIRE(stored);
  CHECK(stored->url == changed.url);
  CHECK(stored->title == changed.title);
  CHECK(stored->site_url == changed.site_url);
  CHECK(stored->description == changed.description);
  CHECK(stored->disabled);
  CHECK(stored->disabled_reason == changed.disabled_reason);
  CHECK(stored->etag == changed.etag);
  CHECK(stored->last_modified == changed.last_modified);
  CHECK(stored->newest_item_date == changed.newest_item_date);
  CHECK(stored->last_polled_at == changed.last_polled_at);
  CHECK(stored->last_status == 410);
  CHECK(stored->last_error == changed.last_error);
  CHECK(stored->consecutive_failures == 3);
  CHECK(stored->next_poll_at == changed.next_poll_at);
  CHECK(stored->lease_owner == changed.lease_owner);
  CHECK(stored->lease_until == changed.lease_until);
  CHECK(stored->created_at == feed.created_at);
  CHECK(stored->updated_at >= before);

  // Clearing optional columns writes NULLs.
  Feed cleared = *stored;
  cleared.title.reset();
  cleared.last_status.reset();
  cleared.lease_owner.reset();
  cleared.lease_until.reset();
  store.update_feed(cleared);
  CHECK_FALSE(store.get_feed(feed.id)->title);
  CHECK_FALSE(store.get_feed(feed.id)->last_status);
  CHECK_FALSE(store.get_feed(feed.id)->lease_until);

  const auto second = store.get_or_create_feed("https://example.com/second.xml").first;
  Feed clash = second;
  clash.url = changed.url;
  CHECK_THROWS_AS(store.update_feed(clash), pebble::support::ConstraintError);
  CHECK(store.list_feeds().size() == 2);
}

TEST_CASE("claim_feeds leases due, unleased, enabled feeds in schedule order", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  const ClaimFixture fixture = make_claim_fixture(store);

  SECTION("due feeds, never-polled first, then by next_poll_at") {
    CHECK(claim_ids(store, make_claim("me")) == Ids{fixture.never_polled, fixture.due, fixture.expired_lease,
                                                    fixture.own_lease, fixture.due_exactly});
    const auto stored = store.get_feed(fixture.due);
    CHECK(stored->lease_owner == "me");
    CHECK(stored->lease_until == minutes_from_now(5));
    CHECK_FALSE(store.get_feed(fixture.future)->lease_owner);
    // Another worker now finds everything leased (or not due).
    CHECK(claim_ids(store, make_claim("worker-2")).empty());
    // Once the leases expire it can take them over.
    FeedClaim later = make_claim("worker-2");
    later.now = minutes_from_now(6);
    later.lease_until = minutes_from_now(11);
    CHECK(claim_ids(store, later) == Ids{fixture.never_polled, fixture.due, fixture.expired_lease,
                                         fixture.own_lease, fixture.due_exactly});
  }
  SECTION("limit takes the oldest due first") {
    FeedClaim claim = make_claim("me");
    claim.limit = 2;
    CHECK(claim_ids(store, claim) == Ids{fixture.never_polled, fixture.due});
    CHECK(claim_ids(store, make_claim("worker-2")) == Ids{fixture.expired_lease, fixture.due_exactly});
  }
  SECTION("ignore_schedule takes every enabled feed not leased by another") {
    FeedClaim claim = make_claim("me");
    claim.ignore_schedule = true;
    CHECK(claim_ids(store, claim) == Ids{fixture.never_polled, fixture.due, fixture.expired_lease,
                                         fixture.own_lease, fixture.due_exactly, fixture.future});
  }
  SECTION("feed_ids take exactly those, disabled and not due included, leases still respected") {
    FeedClaim claim = make_claim("me");
    claim.feed_ids = {fixture.future, fixture.disabled, fixture.leased_by_other, fixture.due};
    CHECK(claim_ids(store, claim) == Ids{fixture.disabled, fixture.due, fixture.future});
  }
}

TEST_CASE("upsert_feed_item inserts, then refreshes keeping first-seen values", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  const auto feed_id = store.get_or_create_feed("https://example.com/feed").first.id;
  const auto other_feed_id = store.get_or_create_feed("https://example.com/other").first.id;
  FeedItemInput item;
  item.guid = "item-1";
  item.link = "https://example.com/1";
  item.title = "First";
  item.summary = "summary";
  item.author = "Ann";
  item.published_at = at("2025-01-01T00:00:00.000001Z");
  item.entry_updated_at = at("2025-01-01T01:00:00Z");
  item.extra_json = R"({"categories":["a"]})";
  const Timestamp first_seen = at("2025-02-01T00:00:00Z");
  CHECK(store.upsert_feed_item(feed_id, item, first_seen) == ItemUpsertOutcome::kInserted);
  CHECK(store.upsert_feed_item(other_feed_id, item, first_seen) == ItemUpsertOutcome::kInserted);
  auto items = store.list_feed_items(feed_id);
  REQUIRE(items.size() == 1);
  CHECK(items[0].id > 0);
  CHECK(items[0].feed_id == feed_id);
  CHECK(items[0].first_seen_at == first_seen);
  CHECK(items[0].last_seen_at == first_seen);
  CHECK(items[0].published_at == item.published_at);
  CHECK(items[0].link == item.link);
  CHECK(items[0].summary == item.summary);
  CHECK_FALSE(items[0].content);

  FeedItemInput refreshed = item;
  refreshed.title = "Renamed";
  refreshed.content = "content";
  refreshed.author = "Bob";
  refreshed.link = "https://example.com/1b";
  refreshed.published_at = at("2025-03-03T00:00:00Z");
  refreshed.entry_updated_at = at("2025-03-03T01:00:00Z");
  refreshed.extra_json = R"({"categories":["b"]})";
  const Timestamp second_seen = at("2025-04-01T00:00:00.000002Z");
  CHECK(store.upsert_feed_item(feed_id, refreshed, second_seen) == ItemUpsertOutcome::kUpdated);
  items = store.list_feed_items(feed_id);
  REQUIRE(items.size() == 1);
  CHECK(items[0].first_seen_at == first_seen);
  CHECK(items[0].last_seen_at == second_seen);
  CHECK(items[0].published_at == item.published_at);  // the first non-null value stays
  CHECK(items[0].entry_updated_at == refreshed.entry_updated_at);
  CHECK(items[0].title == "Renamed");
  CHECK(items[0].content == "content");
  CHECK(items[0].author == "Bob");
  CHECK(items[0].link == "https://example.com/1b");
  CHECK(items[0].extra_json.find("\"b\"") != std::string::npos);

  FeedItemInput undated;
  undated.guid = "item-2";
  CHECK(store.upsert_feed_item(feed_id, undated, first_seen) == ItemUpsertOutcome::kInserted);
  undated.published_at = at("2025-05-05T00:00:00Z");
  CHECK(store.upsert_feed_item(feed_id, undated, second_seen) == ItemUpsertOutcome::kUpdated);
  undated.published_at.reset();
  CHECK(store.upsert_feed_item(feed_id, undated, second_seen) == ItemUpsertOutcome::kUpdated);
  items = store.list_feed_items(feed_id);
  REQUIRE(items.size() == 2);
  const auto& second = items[0].guid == "item-2" ? items[0] : items[1];
  CHECK(second.published_at == at("2025-05-05T00:00:00Z"));  // set once it was null, then kept
  CHECK(second.extra_json.find('{') != std::string::npos);
  CHECK(store.list_feed_items(other_feed_id).size() == 1);
}
