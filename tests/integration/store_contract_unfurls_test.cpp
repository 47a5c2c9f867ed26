// The store contract for unfurls (migration 6 / PostgreSQL 4): which bookmarks an unfurl run reads,
// the bookmark_unfurls row kept per bookmark, the bookmark fields it fills, on every backend.
#include <chrono>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "store_backends.h"
#include "support/clock.h"

using pebble::domain::AnnouncedFeed;
using pebble::domain::BookmarkUnfurl;
using pebble::domain::UnfurlStatus;
using pebble::store::BookmarkFill;
using pebble::store::Store;
using pebble::store::StoreOptions;
using pebble::store::UnfurlTarget;
using pebble::test::at;

namespace {

using Ids = std::vector<std::int64_t>;

// Adds `count` bookmarks for `user`, https://example.com/NAME-i; returns their ids in order.
Ids add_bookmarks(Store& store, const std::string& user, const std::string& name, int count) {
  const auto owner = store.get_or_create_user(user).first.id;
  Ids ids;
  for (int index = 0; index < count; ++index) {
    pebble::domain::BookmarkInput input;
    input.url = "https://example.com/" + name + "-" + std::to_string(index);
    input.unique_hash = std::string(63, name[0]) + static_cast<char>('a' + index);
    store.upsert_bookmarks(owner, {input}, pebble::domain::DuplicatePolicy::kSkip);
    ids.push_back(store.find_bookmark(owner, input.unique_hash)->id);
  }
  return ids;
}

BookmarkUnfurl attempt(std::int64_t bookmark_id, UnfurlStatus status, bool ever_unfurled) {
  BookmarkUnfurl unfurl;
  unfurl.bookmark_id = bookmark_id;
  unfurl.status = status;
  unfurl.attempted_at = at("2025-03-04T05:06:07.123456Z");
  if (ever_unfurled) unfurl.unfurled_at = at("2025-03-01T00:00:00Z");
  return unfurl;
}

Ids ids_of(const std::vector<UnfurlTarget>& targets) {
  Ids ids;
  for (const UnfurlTarget& target : targets) ids.push_back(target.bookmark_id);
  return ids;
}

}  // namespace

TEST_CASE("unfurl targets are the owner's bookmarks in id order, all or only the missing ones", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  const Ids alice = add_bookmarks(store, "alice", "a", 5);
  add_bookmarks(store, "bob", "b", 1);
  const auto owner = store.find_user("alice")->id;
  const std::vector<UnfurlTarget> fresh = store.unfurl_targets(owner, true, 0, 100);
  CHECK(ids_of(fresh) == alice);
  CHECK(fresh[0].url == "https://example.com/a-0");
  CHECK(fresh[0].title.empty());
  CHECK_FALSE(fresh[0].previous);

  store.save_unfurl(attempt(alice[0], UnfurlStatus::kSuccess, true));
  store.save_unfurl(attempt(alice[1], UnfurlStatus::kError, false));     // may pass: still missing
  store.save_unfurl(attempt(alice[2], UnfurlStatus::kNotFound, false));  // for good: not missing
  store.save_unfurl(attempt(alice[3], UnfurlStatus::kError, true));      // unfurled once: not missing
  CHECK(ids_of(store.unfurl_targets(owner, true, 0, 100)) == Ids{alice[1], alice[4]});
  const auto all = store.unfurl_targets(owner, false, 0, 100);
  CHECK(ids_of(all) == alice);
  CHECK(all[2].previous->status == UnfurlStatus::kNotFound);
  CHECK_FALSE(all[4].previous);
  // A key and a limit page through them.
  CHECK(ids_of(store.unfurl_targets(owner, false, alice[1], 2)) == Ids{alice[2], alice[3]});
  CHECK(ids_of(store.unfurl_targets(owner, true, alice[1], 2)) == Ids{alice[4]});
  CHECK(store.unfurl_targets(owner, false, alice[4], 2).empty());
  CHECK_FALSE(store.unfurl_target(alice[4] + 1000));
}

TEST_CASE("an unfurl row keeps every column and the next attempt replaces it", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  const std::int64_t id = add_bookmarks(store, "alice", "a", 1).front();
  BookmarkUnfurl unfurl = attempt(id, UnfurlStatus::kSuccess, true);
  unfurl.http_status = 200;
  unfurl.final_url = "https://example.com/a-0/";
  unfurl.metadata.title = "Ünïcode “title”";
  unfurl.metadata.description = "A description\nover lines";
  unfurl.metadata.site_name = "Example";
  unfurl.metadata.image = "https://example.com/cover.png";
  unfurl.metadata.favicon = "https://example.com/favicon.ico";
  unfurl.metadata.feeds = {{"https://example.com/feed", "application/rss+xml", "Main \"quoted\""},
                           {"https://example.com/atom", "application/atom+xml", std::nullopt}};
  unfurl.etag = "W/\"v1\"";
  unfurl.last_modified = "Tue, 14 Nov 2023 22:13:20 GMT";
  unfurl.filled.title = unfurl.metadata.title;
  unfurl.filled.feed_url = "https://example.com/feed";
  CHECK(store.save_unfurl(unfurl));  // inserted

  auto stored = store.unfurl_target(id)->previous;
  REQUIRE(stored);
  CHECK(stored->bookmark_id == id);
  CHECK(stored->status == UnfurlStatus::kSuccess);
  CHECK(stored->http_status == 200);
  CHECK_FALSE(stored->error);
  CHECK(stored->final_url == unfurl.final_url);
  CHECK(stored->metadata == unfurl.metadata);
  CHECK(stored->etag == unfurl.etag);
  CHECK(stored->last_modified == unfurl.last_modified);
  CHECK(stored->attempted_at == unfurl.attempted_at);
  CHECK(stored->unfurled_at == unfurl.unfurled_at);
  CHECK(stored->filled.title == unfurl.filled.title);
  CHECK_FALSE(stored->filled.description);
  CHECK(stored->filled.feed_url == unfurl.filled.feed_url);

  BookmarkUnfurl failed = *stored;
  failed.status = UnfurlStatus::kBlocked;
  failed.http_status = std::nullopt;
  failed.error = "https://example.com/a-0: refused";
  failed.attempted_at = at("2025-04-01T00:00:00Z");
  CHECK_FALSE(store.save_unfurl(failed));  // replaced, not inserted
  stored = store.unfurl_target(id)->previous;
  CHECK(stored->status == UnfurlStatus::kBlocked);
  CHECK_FALSE(stored->http_status);
  CHECK(stored->error == failed.error);
  CHECK(stored->metadata == unfurl.metadata);
  CHECK(stored->attempted_at == at("2025-04-01T00:00:00Z"));
}

TEST_CASE("filling a bookmark writes only the given columns, and search sees them", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  pebble::support::ManualClock clock(at("2026-01-01T00:00:00Z"));
  auto opened =
      pebble::test::open_fresh_store(backend, StoreOptions{.clock = clock, .connect_timeout = std::nullopt});
  Store& store = *opened.store;
  const std::int64_t id = add_bookmarks(store, "alice", "a", 1).front();
  const auto owner = store.find_user("alice")->id;
  clock.advance(std::chrono::seconds(60));
  BookmarkFill fill;
  fill.title = "Zebra crossings explained";
  fill.feed_url = "https://example.com/feed";
  CHECK(store.fill_bookmark(id, fill));
  const auto bookmark = store.get_bookmark(owner, id);
  CHECK(bookmark->title == "Zebra crossings explained");
  CHECK_FALSE(bookmark->description);
  CHECK(bookmark->feed_url == "https://example.com/feed");
  CHECK(bookmark->updated_at == at("2026-01-01T00:01:00Z"));
  CHECK(store.unfurl_target(id)->title == "Zebra crossings explained");

  BookmarkFill description;
  description.description = "Stripes";
  CHECK(store.fill_bookmark(id, description));
  CHECK(store.get_bookmark(owner, id)->title == "Zebra crossings explained");
  CHECK(store.get_bookmark(owner, id)->description == "Stripes");
  pebble::store::BookmarkQuery query;
  query.owner_id = owner;
  query.search = "zebra stripes";
  int found = 0;
  store.for_each_bookmark(query, [&](const pebble::domain::Bookmark&) { ++found; });
  CHECK(found == 1);
  CHECK_FALSE(store.fill_bookmark(id + 1000, description));
}

TEST_CASE("an unfurl row goes with its bookmark; the migration is recorded by name", "[store]") {
  const std::string backend = GENERATE(as<std::string>{}, "sqlite-file", "postgresql");
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  const Ids ids = add_bookmarks(store, "alice", "a", 2);
  store.save_unfurl(attempt(ids[0], UnfurlStatus::kSuccess, true));
  store.save_unfurl(attempt(ids[1], UnfurlStatus::kError, false));
  CHECK(store.delete_bookmark(ids[0]));
  CHECK(pebble::test::query_rows(backend, opened.url, "SELECT bookmark_id FROM bookmark_unfurls") ==
        std::vector<std::string>{std::to_string(ids[1])});
  const bool sqlite = backend == "sqlite-file";
  CHECK(pebble::test::query_rows(
            backend, opened.url,
            "SELECT name FROM schema_migrations WHERE version = " + std::string(sqlite ? "6" : "4")) ==
        std::vector<std::string>{"unfurl metadata"});
}
