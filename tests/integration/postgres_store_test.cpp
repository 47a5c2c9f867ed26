// What only the PostgreSQL store does, beyond the shared contract suite: password-free connection
// errors, cursor streaming across FETCH batches, and SKIP LOCKED claims between concurrent workers.
#include <chrono>
#include <future>
#include <regex>
#include <set>

#include <catch2/catch.hpp>

#include "store/open_store.h"
#include "store/postgres_module.h"
#include "store_backends.h"
#include "support/error.h"
#include "support/version.h"

using pebble::store::FeedClaim;
using pebble::store::Store;
using pebble::store::TxMode;
using pebble::support::Timestamp;

namespace {

constexpr std::int64_t kMinute = 60 * 1000000LL;

std::vector<std::int64_t> claimed_ids(const std::vector<pebble::domain::Feed>& feeds) {
  std::vector<std::int64_t> ids;
  for (const auto& feed : feeds) ids.push_back(feed.id);
  return ids;
}

}  // namespace

TEST_CASE("PostgreSQL connection errors name the server but never the password", "[postgres]") {
  const std::string url = GENERATE(as<std::string>{}, "postgresql://pebble:sekrit-pass@127.0.0.1:1/nowhere",
                                   "postgresql://pebble@127.0.0.1:1/nowhere?password=sekrit-pass",
                                   "postgres://pebble:sekrit-pass@127.0.0.1:not-a-port/nowhere");
  INFO("url " << url);
  try {
    pebble::store::open_store(url);
    FAIL("connected to " << url);
  } catch (const pebble::support::StoreError& error) {
    const std::string text = error.what();
    CHECK(text.find("sekrit-pass") == std::string::npos);
    CHECK(text.find("127.0.0.1") != std::string::npos);
    CHECK(text.find('\n') == std::string::npos);
  }
}

TEST_CASE("the module runs with the libpq pebble --version names (the one it was built against)",
          "[postgres]") {
  const std::string running = pebble::store::postgres_module().library_version();
  CHECK(std::regex_match(running, std::regex(R"(\d+\.\d+)")));
  CHECK(running == pebble::support::built_with_libpq());
}

TEST_CASE("PostgreSQL streams bookmarks across cursor batches while the visitor uses the store",
          "[postgres]") {
  auto opened = pebble::test::open_fresh_store("postgresql");
  Store& store = *opened.store;
  const auto owner = store.get_or_create_user("streamer").first.id;
  // More rows than one FETCH returns (500), with one batch left partly full.
  constexpr int kCount = 1203;
  std::vector<pebble::domain::BookmarkInput> inputs(kCount);
  for (int index = 0; index < kCount; ++index) {
    inputs[index].url = "https://example.com/" + std::to_string(index);
    inputs[index].unique_hash = "hash-" + std::to_string(index);
    inputs[index].created_at = Timestamp{1700000000000000 + index * kMinute};
    inputs[index].tags = {index % 2 == 0 ? "even" : "odd", "all"};
  }
  store.upsert_bookmarks(owner, inputs, pebble::domain::DuplicatePolicy::kSkip);

  for (const bool in_callers_transaction : {false, true}) {
    INFO("inside the caller's transaction: " << in_callers_transaction);
    std::optional<pebble::store::Transaction> transaction;
    if (in_callers_transaction) transaction.emplace(store, TxMode::kRead);
    int expected_index = kCount - 1;
    int visited = 0;
    store.for_each_bookmark({owner, {"all"}, std::nullopt, std::nullopt, std::nullopt},
                            [&](const pebble::domain::Bookmark& bookmark) {
                              CHECK(bookmark.unique_hash == "hash-" + std::to_string(expected_index));
                              --expected_index;
                              ++visited;
                              // Another statement between FETCHes must not disturb the open cursor.
                              if (visited % 400 == 0)
                                CHECK(store.find_bookmark(owner, bookmark.unique_hash)->id == bookmark.id);
                            });
    CHECK(visited == kCount);
    if (transaction) transaction->commit();
  }
  int even = 0;
  store.for_each_bookmark({owner, {"even", "all"}, std::nullopt, std::nullopt, std::nullopt},
                          [&](const pebble::domain::Bookmark&) { ++even; });
  CHECK(even == (kCount + 1) / 2);
}

TEST_CASE("concurrent PostgreSQL workers skip feeds another worker is claiming", "[postgres]") {
  auto first = pebble::test::open_fresh_store("postgresql");
  auto second_store = pebble::store::open_store(first.url);
  const Timestamp now = pebble::support::now_utc();
  for (int index = 0; index < 4; ++index) {
    auto feed = first.store->get_or_create_feed("https://example.com/feed" + std::to_string(index)).first;
    feed.next_poll_at = Timestamp{now.micros - (10 - index) * kMinute};
    first.store->update_feed(feed);
  }
  FeedClaim claim{now, "worker-1", Timestamp{now.micros + 5 * kMinute}, false, 2, {}};

  // Worker 1 holds its row locks in an open transaction while worker 2 claims.
  pebble::store::Transaction holding(*first.store, TxMode::kWrite);
  const auto claimed_first = claimed_ids(first.store->claim_feeds(claim));
  CHECK(claimed_first.size() == 2);
  auto second_claim = std::async(std::launch::async, [&] {
    FeedClaim other = claim;
    other.lease_owner = "worker-2";
    other.limit.reset();
    pebble::store::Transaction transaction(*second_store, TxMode::kWrite);
    auto ids = claimed_ids(second_store->claim_feeds(other));
    transaction.commit();
    return ids;
  });
  // Without SKIP LOCKED the second worker would wait for the first one's commit.
  const bool finished = second_claim.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
  holding.commit();
  REQUIRE(finished);
  const auto claimed_second = second_claim.get();
  CHECK(claimed_second.size() == 2);
  std::set<std::int64_t> all(claimed_first.begin(), claimed_first.end());
  all.insert(claimed_second.begin(), claimed_second.end());
  CHECK(all.size() == 4);
}

TEST_CASE("a PostgreSQL store reconnects when its session was killed between transactions", "[postgres]") {
  const std::string url = pebble::test::empty_database_url("postgresql");
  // A name of its own, so the test kills only this store's session, not a parallel test's.
  const std::string tagged_url =
      url + (url.find('?') == std::string::npos ? "?" : "&") + "application_name=pebble_reconnect_test";
  auto store = pebble::store::open_store(tagged_url);
  store->get_or_create_user("survivor");
  const std::string kill_sql =
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = "
      "'pebble_reconnect_test'";
  // The same role may end its own sessions.
  CHECK(pebble::test::query_rows("postgresql", url, kill_sql) == std::vector<std::string>{"t"});
  store->ping();
  CHECK(store->find_user("survivor"));
  CHECK(pebble::test::query_rows("postgresql", url, kill_sql) == std::vector<std::string>{"t"});
  pebble::store::Transaction transaction(*store, TxMode::kWrite);
  store->get_or_create_user("newcomer");
  transaction.commit();
  CHECK(store->find_user("newcomer"));
}
