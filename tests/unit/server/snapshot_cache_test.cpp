// The serve snapshot cache against a SQLite file and a ManualClock: a snapshot lives exactly its
// ttl on the injected clock, and each pass dates the store statistics by that clock.
#include "server/snapshot_cache.h"

#include <filesystem>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "store/open_store.h"
#include "support/clock.h"

namespace {

using namespace std::chrono_literals;

// 2026-03-01T12:00:00Z.
constexpr pebble::support::Timestamp kStart{1'772'366'400'000'000};

// A SQLite store in a fresh folder (removed at the end), written through its own connection while
// the cache reads it through the served one.
struct StoreFile {
  std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("pebble-snapshot-cache-" + std::to_string(::getpid()));
  std::string url;
  std::unique_ptr<pebble::store::Store> writer;

  StoreFile() {
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    url = "sqlite:" + (folder / "store.db").string();
    writer = pebble::store::open_store(url);
  }
  ~StoreFile() { std::filesystem::remove_all(folder); }

  void add_user(const std::string& name) {
    pebble::store::Transaction transaction(*writer, pebble::store::TxMode::kWrite);
    writer->get_or_create_user(name);
    transaction.commit();
  }
};

pebble::server::SnapshotCacheOptions ten_second_ttl() {
  pebble::server::SnapshotCacheOptions options;
  options.ttl = 10'000ms;
  options.query_timeout = 30'000ms;  // a slow machine must not turn a pass into "store down"
  return options;
}

// A store file, a ManualClock at kStart and a 10 s cache over both. The cache reads nothing before
// its first get(), so a test may fill the store first.
struct CachedStore {
  StoreFile file;
  pebble::support::ManualClock clock{kStart};
  pebble::server::SnapshotCache cache{pebble::server::ServedStore(file.url),
                                      pebble::config::MetricsSettings{}, ten_second_ttl(), clock};
};

std::int64_t users_in(const pebble::metrics::StoreSnapshot& snapshot) {
  REQUIRE(snapshot.up);
  REQUIRE(snapshot.stats);
  return snapshot.stats->users;
}

}  // namespace

TEST_CASE("a snapshot is reused until the clock reaches the ttl, then read again", "[server]") {
  CachedStore served;
  CHECK(users_in(served.cache.get()) == 0);
  served.file.add_user("alice");
  CHECK(users_in(served.cache.get()) == 0);  // cached
  served.clock.advance(9'999ms);
  CHECK(users_in(served.cache.get()) == 0);  // 1 ms short of the ttl
  served.clock.advance(1ms);
  CHECK(users_in(served.cache.get()) == 1);
  served.file.add_user("bob");
  CHECK(users_in(served.cache.get()) == 1);  // the new snapshot has its own ttl
}

TEST_CASE("a clock set back before the snapshot makes it stale, never stuck", "[server]") {
  CachedStore served;
  CHECK(users_in(served.cache.get()) == 0);
  served.file.add_user("alice");
  served.clock.set(pebble::support::Timestamp{kStart.micros - 3'600'000'000LL});
  CHECK(users_in(served.cache.get()) == 1);
}

TEST_CASE("each pass counts the feeds due at the clock's time", "[server]") {
  CachedStore served;
  {
    pebble::store::Store& writer = *served.file.writer;
    pebble::store::Transaction transaction(writer, pebble::store::TxMode::kWrite);
    pebble::domain::Feed feed = writer.get_or_create_feed("https://a.example/feed").first;
    feed.next_poll_at =
        pebble::support::Timestamp{kStart.micros + 3'600'000'000LL};  // an hour after the start
    writer.update_feed(feed);
    transaction.commit();
  }
  auto snapshot = served.cache.get();
  REQUIRE(snapshot.stats);
  CHECK(snapshot.stats->feeds_due == 0);
  served.clock.advance(1h);
  snapshot = served.cache.get();
  REQUIRE(snapshot.stats);
  CHECK(snapshot.stats->feeds_due == 1);
}
