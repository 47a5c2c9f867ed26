// The store contract: feed tags, removal of a feed with its items, and bookmark search and tagging.
#include <catch2/catch.hpp>

#include "store_backends.h"

using pebble::domain::BookmarkInput;
using pebble::domain::DuplicatePolicy;
using pebble::domain::FeedItemInput;
using pebble::store::BookmarkQuery;
using pebble::store::Store;
using pebble::test::at;

namespace {

using Names = std::vector<std::string>;

FeedItemInput item(const std::string& guid) {
  FeedItemInput input;
  input.guid = guid;
  input.title = "item " + guid;
  return input;
}

BookmarkInput bookmark(const std::string& path, char hash_letter, std::string title,
                       std::optional<std::string> description, const char* created_at) {
  BookmarkInput input;
  input.url = "https://example.com/" + path;
  input.unique_hash = std::string(64, hash_letter);
  input.title = std::move(title);
  input.description = std::move(description);
  input.created_at = at(created_at);
  return input;
}

Names titles(Store& store, const BookmarkQuery& query) {
  Names found;
  store.for_each_bookmark(query,
                          [&](const pebble::domain::Bookmark& listed) { found.push_back(listed.title); });
  return found;
}

}  // namespace

TEST_CASE("feed tags are replaced, sorted, and go with their feed", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  const auto a = store.get_or_create_feed("https://a.example/feed").first.id;
  const auto b = store.get_or_create_feed("https://b.example/feed").first.id;
  CHECK(store.feed_tags(std::nullopt).empty());
  store.set_feed_tags(a, {"tech", "Linux", "tech", "", "news/world"});
  store.set_feed_tags(b, {"garden"});
  CHECK(store.feed_tags(a) == std::map<std::int64_t, Names>{{a, {"Linux", "news/world", "tech"}}});
  CHECK(store.feed_tags(std::nullopt).size() == 2);
  store.set_feed_tags(a, {"only"});
  CHECK(store.feed_tags(a).at(a) == Names{"only"});
  store.set_feed_tags(b, {});
  CHECK(store.feed_tags(b).empty());
}

TEST_CASE("delete_feed removes the feed, its items and tags and says how many items went", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  const auto kept = store.get_or_create_feed("https://kept.example/feed").first.id;
  const auto gone = store.get_or_create_feed("https://gone.example/feed").first.id;
  for (const char* guid : {"1", "2", "3"})
    store.upsert_feed_item(gone, item(guid), at("2025-01-01T00:00:00Z"));
  store.upsert_feed_item(kept, item("k"), at("2025-01-01T00:00:00Z"));
  store.set_feed_tags(gone, {"x"});
  CHECK(store.delete_feed(gone) == 3);
  CHECK_FALSE(store.get_feed(gone).has_value());
  CHECK(store.feed_tags(gone).empty());
  CHECK(store.list_feed_items(gone).empty());
  CHECK(store.list_feed_items(kept).size() == 1);
  CHECK(store.feed_item_counts(std::nullopt).size() == 1);
  CHECK_FALSE(store.delete_feed(gone).has_value());
  if (pebble::test::is_shared_database(backend)) {
    CHECK(pebble::test::query_rows(backend, opened.url, "SELECT count(*) FROM feed_items") ==
          std::vector<std::string>{"1"});
  }
}

TEST_CASE("bookmarks are searched in title, description and URL, by owner, newest first", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  const auto alice = store.get_or_create_user("alice").first.id;
  const auto bob = store.get_or_create_user("bob").first.id;
  store.upsert_bookmarks(
      alice,
      {bookmark("sqlite-notes", '1', "SQLite notes", "WAL and FTS5", "2024-01-01T00:00:00Z"),
       bookmark("pg", '2', "PostgreSQL tsvector", std::nullopt, "2024-01-02T00:00:00Z"),
       bookmark("misc", '3', "Misc", "sqlite tricks", "2024-01-03T00:00:00Z")},
      DuplicatePolicy::kSkip);
  store.upsert_bookmarks(bob, {bookmark("bob", '4', "Bob's SQLite", std::nullopt, "2024-01-04T00:00:00Z")},
                         DuplicatePolicy::kSkip);
  BookmarkQuery query;
  query.owner_id = alice;
  query.search = "sqlite";
  CHECK(titles(store, query) == Names{"Misc", "SQLite notes"});
  query.search = "notes";  // a word of the URL's path as well as of the title
  CHECK(titles(store, query) == Names{"SQLite notes"});
  query.search = "example";  // the URL's host
  CHECK(titles(store, query).size() == 3);
  query.search = "tsv* postgresql";
  CHECK(titles(store, query) == Names{"PostgreSQL tsvector"});
  query.search = "sqlite";
  query.limit = 1;
  CHECK(titles(store, query) == Names{"Misc"});
  query.limit.reset();
  query.since = at("2024-01-02T00:00:00Z");
  CHECK(titles(store, query) == Names{"Misc"});
  query.since.reset();
  query.tags_all = {"none"};
  CHECK(titles(store, query).empty());

  // Edits are searchable at once; a deleted bookmark is not found.
  auto misc = *store.find_bookmark(alice, std::string(64, '3'));
  BookmarkInput renamed = bookmark("misc", '3', "Renamed", "nothing here", "2024-01-03T00:00:00Z");
  store.upsert_bookmarks(alice, {renamed}, DuplicatePolicy::kOverwrite);
  query.tags_all.clear();
  CHECK(titles(store, query) == Names{"SQLite notes"});
  store.delete_bookmark(misc.id);
  query.search = "renamed";
  CHECK(titles(store, query).empty());
}

TEST_CASE("bookmark tags are added and removed one link at a time, bumping updated_at", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  const auto alice = store.get_or_create_user("alice").first.id;
  const auto bob = store.get_or_create_user("bob").first.id;
  auto input = bookmark("a", '1', "A", std::nullopt, "2024-01-01T00:00:00Z");
  input.updated_at = at("2024-01-01T00:00:00Z");
  input.tags = {"old"};
  store.upsert_bookmarks(alice, {input}, DuplicatePolicy::kSkip);
  const auto id = store.find_bookmark(alice, std::string(64, '1'))->id;
  CHECK(store.get_bookmark(alice, id)->title == "A");
  CHECK_FALSE(store.get_bookmark(bob, id).has_value());  // another owner's id

  CHECK(store.add_bookmark_tags(alice, id, {"new", "old", "new", ""}) == 1);
  auto tagged = *store.get_bookmark(alice, id);
  CHECK(tagged.tags == Names{"new", "old"});
  CHECK(tagged.updated_at > at("2024-01-01T00:00:00Z"));
  CHECK(store.find_tag(alice, "new").has_value());

  CHECK(store.remove_bookmark_tags(alice, id, {"old", "absent"}) == 1);
  CHECK(store.get_bookmark(alice, id)->tags == Names{"new"});
  CHECK(store.find_tag(alice, "old").has_value());  // the tag itself stays
  CHECK(store.remove_bookmark_tags(alice, id, {"old"}) == 0);
  CHECK(store.add_bookmark_tags(alice, id, {"new"}) == 0);
}
