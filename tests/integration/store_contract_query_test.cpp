// The store contract: streaming bookmark queries, microsecond UTC timestamps and Unicode text.
#include <algorithm>
#include <stdexcept>

#include <catch2/catch.hpp>

#include "store_backends.h"

using pebble::domain::BookmarkInput;
using pebble::domain::DuplicatePolicy;
using pebble::store::BookmarkQuery;
using pebble::store::Store;
using pebble::support::Timestamp;
using pebble::test::at;

namespace {

using Urls = std::vector<std::string>;

BookmarkInput dated_input(const std::string& path, char hash_letter, const char* created_at,
                          std::vector<std::string> tags) {
  BookmarkInput input;
  input.url = "https://example.com/" + path;
  input.unique_hash = std::string(64, hash_letter);
  input.title = path;
  input.created_at = at(created_at);
  input.tags = std::move(tags);
  return input;
}

Urls query_paths(Store& store, const BookmarkQuery& query) {
  Urls paths;
  store.for_each_bookmark(query,
                          [&](const pebble::domain::Bookmark& bookmark) { paths.push_back(bookmark.title); });
  return paths;
}

}  // namespace

TEST_CASE("for_each_bookmark streams newest first with tags_all, since and limit", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  const auto owner = store.get_or_create_user("alice").first.id;
  const auto other = store.get_or_create_user("bob").first.id;
  store.upsert_bookmarks(owner,
                         {dated_input("p1", '1', "2024-01-01T00:00:00Z", {"a"}),
                          dated_input("p2", '2', "2024-01-02T00:00:00Z", {"a", "b"}),
                          dated_input("p3", '3', "2024-01-03T00:00:00Z", {"b", "c", "a"}),
                          // p4 and p5 share created_at: the higher id (p5) comes first.
                          dated_input("p4", '4', "2024-01-04T00:00:00.000001Z", {}),
                          dated_input("p5", '5', "2024-01-04T00:00:00.000001Z", {"b"})},
                         DuplicatePolicy::kSkip);
  store.upsert_bookmarks(other, {dated_input("other", '6', "2024-01-05T00:00:00Z", {"a", "b"})},
                         DuplicatePolicy::kSkip);

  BookmarkQuery query;
  query.owner_id = owner;
  CHECK(query_paths(store, query) == Urls{"p5", "p4", "p3", "p2", "p1"});

  std::vector<pebble::domain::Bookmark> rows;
  store.for_each_bookmark(query, [&](const pebble::domain::Bookmark& bookmark) { rows.push_back(bookmark); });
  REQUIRE(rows.size() == 5);
  CHECK(rows[0].id > rows[1].id);
  CHECK(rows[2].tags == std::vector<std::string>{"a", "b", "c"});
  CHECK(rows[1].tags.empty());
  CHECK(rows[2].owner_id == owner);
  CHECK(rows[2].url == "https://example.com/p3");

  query.tags_all = {"a", "b"};
  CHECK(query_paths(store, query) == Urls{"p3", "p2"});
  query.tags_all = {"b", "b"};
  CHECK(query_paths(store, query) == Urls{"p5", "p3", "p2"});
  query.tags_all = {"a", "missing"};
  CHECK(query_paths(store, query).empty());

  query.tags_all.clear();
  query.since = at("2024-01-03T00:00:00Z");  // inclusive
  CHECK(query_paths(store, query) == Urls{"p5", "p4", "p3"});
  query.limit = 2;
  CHECK(query_paths(store, query) == Urls{"p5", "p4"});
  query.since.reset();
  query.tags_all = {"a"};
  CHECK(query_paths(store, query) == Urls{"p3", "p2"});
  query.limit = 0;
  CHECK(query_paths(store, query).empty());

  // A visitor that throws stops the stream; the store stays usable.
  query.limit.reset();
  query.tags_all.clear();
  int visited = 0;
  CHECK_THROWS_AS(store.for_each_bookmark(query,
                                          [&](const pebble::domain::Bookmark&) {
                                            ++visited;
                                            throw std::runtime_error("stop");
                                          }),
                  std::runtime_error);
  CHECK(visited == 1);
  CHECK(query_paths(store, query).size() == 5);
}

TEST_CASE("timestamps are UTC and round-trip to the microsecond", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  const auto owner = store.get_or_create_user("alice").first.id;
  const std::vector<Timestamp> moments = {Timestamp{1751146440123457}, at("2000-02-29T23:59:59.999999Z"),
                                          at("1999-12-31T23:00:00.000001-01:00"), Timestamp{1}};
  char letter = 'a';
  for (const Timestamp moment : moments) {
    BookmarkInput input;
    input.url = "https://example.com/" + std::to_string(moment.micros);
    input.unique_hash = std::string(64, letter++);
    input.created_at = moment;
    input.updated_at = Timestamp{moment.micros + 1};
    store.upsert_bookmarks(owner, {input}, DuplicatePolicy::kSkip);
    const auto found = store.find_bookmark(owner, input.unique_hash);
    REQUIRE(found);
    CHECK(found->created_at == moment);
    CHECK(found->updated_at == Timestamp{moment.micros + 1});
  }
  CHECK(at("1999-12-31T23:00:00.000001-01:00") == at("2000-01-01T00:00:00.000001Z"));

  auto feed = store.get_or_create_feed("https://example.com/feed").first;
  feed.next_poll_at = Timestamp{1751146440123457};
  feed.newest_item_date = at("2025-01-01T00:00:00.000001Z");
  store.update_feed(feed);
  CHECK(store.get_feed(feed.id)->next_poll_at == Timestamp{1751146440123457});
  CHECK(store.get_feed(feed.id)->newest_item_date == at("2025-01-01T00:00:00.000001Z"));
  if (pebble::test::is_shared_database(backend)) {
    // Stored as UTC: the text form (SQLite) or the UTC rendering (PostgreSQL) names the same instant.
    const auto rows = pebble::test::query_rows(
        backend, opened.url,
        backend == "postgresql"
            ? "SELECT to_char(next_poll_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') FROM feeds"
            : "SELECT next_poll_at FROM feeds");
    CHECK(rows == std::vector<std::string>{backend == "postgresql" ? "2025-06-28 21:34:00.123457"
                                                                   : "2025-06-28T21:34:00.123457Z"});
  }
}

TEST_CASE("Unicode text round-trips exactly", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  const std::string username = "ünïcødé 用户 🐘";
  const std::string title =
      "Caf\xC3\xA9 vs Cafe\xCC\x81 \xE2\x98\x95 \xF0\x9F\x90\x98 日本語 한국어 👩‍👩‍👧";
  const std::string description = "Zalgo: z\xCC\x80\xCC\x81\xCC\x82 — “quotes” ‘single’ \t tab\nnewline";
  const auto [user, created] = store.get_or_create_user(username);
  CHECK(created);
  CHECK(user.username == username);
  CHECK(store.find_user(username)->id == user.id);
  CHECK_FALSE(store.find_user("ünïcødé 用户"));

  BookmarkInput input;
  input.url = "https://例え.jp/パス?q=🐘";
  input.unique_hash = std::string(64, 'u');
  input.title = title;
  input.description = description;
  input.tags = {"日本", "🏷️", "e\xCC\x81", "\xC3\xA9"};  // decomposed and precomposed é stay distinct
  store.upsert_bookmarks(user.id, {input}, DuplicatePolicy::kSkip);
  const auto found = store.find_bookmark(user.id, input.unique_hash);
  REQUIRE(found);
  CHECK(found->url == input.url);
  CHECK(found->title == title);
  CHECK(found->description == description);
  auto expected_tags = input.tags;
  auto found_tags = found->tags;
  std::sort(expected_tags.begin(), expected_tags.end());
  std::sort(found_tags.begin(), found_tags.end());
  CHECK(found_tags == expected_tags);
  REQUIRE(store.find_tag(user.id, "🏷️"));
  CHECK(store.find_tag(user.id, "🏷️")->name == "🏷️");
  CHECK(store.list_tags(user.id).size() == 4);

  BookmarkQuery query;
  query.owner_id = user.id;
  query.tags_all = {"日本", "e\xCC\x81"};
  int matches = 0;
  store.for_each_bookmark(query, [&](const pebble::domain::Bookmark& bookmark) {
    ++matches;
    CHECK(bookmark.title == title);
  });
  CHECK(matches == 1);

  auto feed = store.get_or_create_feed("https://例え.jp/feed").first;
  CHECK(store.find_feed_by_url("https://例え.jp/feed")->id == feed.id);
  feed.title = title;
  store.update_feed(feed);
  CHECK(store.get_feed(feed.id)->title == title);
  pebble::domain::FeedItemInput item;
  item.guid = "guid-🐘";
  item.content = description;
  item.extra_json = R"({"categories":["日本","🐘"]})";
  store.upsert_feed_item(feed.id, item, pebble::support::now_utc());
  const auto items = store.list_feed_items(feed.id);
  REQUIRE(items.size() == 1);
  CHECK(items[0].guid == "guid-🐘");
  CHECK(items[0].content == description);
  CHECK(items[0].extra_json.find("日本") != std::string::npos);
}
