// The store contract for time: every timestamp a store stamps itself (created_at, updated_at,
// applied_at) comes from the Clock in its StoreOptions, exactly, on every backend.
#include <chrono>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "store_backends.h"
#include "support/clock.h"

using pebble::domain::DuplicatePolicy;
using pebble::store::Store;
using pebble::store::StoreOptions;
using pebble::support::format_iso_micros;
using pebble::support::ManualClock;
using pebble::support::Timestamp;
using pebble::test::at;

namespace {

// Microseconds included, so a store that truncates or reads the wall clock shows.
constexpr const char* kStart = "2026-01-02T03:04:05.678901Z";

// A row's created_at and updated_at as "created / updated" text, so a failure shows both exactly.
std::string stamps(Timestamp created_at, Timestamp updated_at) {
  return format_iso_micros(created_at) + " / " + format_iso_micros(updated_at);
}

}  // namespace

TEST_CASE("a store stamps the rows it writes with the time of its clock", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  ManualClock clock(at(kStart));
  auto opened =
      pebble::test::open_fresh_store(backend, StoreOptions{.clock = clock, .connect_timeout = std::nullopt});
  Store& store = *opened.store;
  const std::string start = kStart;

  const pebble::domain::User user = store.get_or_create_user("alice").first;
  CHECK(stamps(user.created_at, user.updated_at) == start + " / " + start);
  const auto found = store.find_user("alice");
  REQUIRE(found);
  CHECK(stamps(found->created_at, found->updated_at) == start + " / " + start);

  pebble::domain::BookmarkInput input;
  input.url = "https://example.com/";
  input.unique_hash = std::string(64, 'a');
  store.upsert_bookmarks(user.id, {input}, DuplicatePolicy::kOverwrite);
  auto bookmark = store.find_bookmark(user.id, input.unique_hash);
  REQUIRE(bookmark);
  CHECK(stamps(bookmark->created_at, bookmark->updated_at) == start + " / " + start);

  clock.advance(std::chrono::seconds(90));
  input.title = "Example";
  CHECK(store.upsert_bookmarks(user.id, {input}, DuplicatePolicy::kOverwrite) ==
        std::vector<pebble::domain::UpsertOutcome>{pebble::domain::UpsertOutcome::kUpdated});
  bookmark = store.find_bookmark(user.id, input.unique_hash);
  REQUIRE(bookmark);
  CHECK(stamps(bookmark->created_at, bookmark->updated_at) == start + " / 2026-01-02T03:05:35.678901Z");

  pebble::domain::Feed feed = store.get_or_create_feed("https://example.com/feed.xml").first;
  CHECK(stamps(feed.created_at, feed.updated_at) ==
        "2026-01-02T03:05:35.678901Z / 2026-01-02T03:05:35.678901Z");
  clock.advance(std::chrono::microseconds(1));
  feed.title = "Example feed";
  store.update_feed(feed);
  const auto stored_feed = store.get_feed(feed.id);
  REQUIRE(stored_feed);
  CHECK(stamps(stored_feed->created_at, stored_feed->updated_at) ==
        "2026-01-02T03:05:35.678901Z / 2026-01-02T03:05:35.678902Z");

  pebble::domain::ImportJob job;
  job.user_id = user.id;
  job.source = "-";
  job.format = "netscape";
  store.create_import_job(job);
  CHECK(stamps(job.created_at, job.updated_at) ==
        "2026-01-02T03:05:35.678902Z / 2026-01-02T03:05:35.678902Z");
  clock.set(at("2027-06-30T23:59:59.000001Z"));
  job.status = "processing";
  store.update_import_job(job);
  const auto stored_job = store.get_import_job(job.id);
  REQUIRE(stored_job);
  CHECK(stamps(stored_job->created_at, stored_job->updated_at) ==
        "2026-01-02T03:05:35.678902Z / 2027-06-30T23:59:59.000001Z");
}

TEST_CASE("migrations are recorded at the time of the store's clock", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  if (!pebble::test::is_shared_database(backend)) return;  // nothing outside can read a private store
  INFO("backend " << backend);
  ManualClock clock(at(kStart));
  auto opened =
      pebble::test::open_fresh_store(backend, StoreOptions{.clock = clock, .connect_timeout = std::nullopt});
  const std::string stamp = backend == "postgresql" ? "'" + std::string(kStart) + "'::timestamptz"
                                                    : "'" + std::string(kStart) + "'";
  const auto rows = pebble::test::query_rows(
      backend, opened.url,
      "SELECT count(*), sum(CASE WHEN applied_at = " + stamp + " THEN 1 ELSE 0 END) FROM schema_migrations");
  REQUIRE(rows.size() == 1);
  const std::string total = rows[0].substr(0, rows[0].find('|'));
  CHECK(total != "0");
  CHECK(rows[0] == total + "|" + total);
}
