// The store contract (SPEC §2, briefs/schema.md): users, bookmarks, duplicate policies, tags and
// transactions, run unchanged against every backend.
#include <algorithm>

#include <catch2/catch.hpp>

#include "store_backends.h"
#include "support/error.h"

using pebble::domain::Bookmark;
using pebble::domain::BookmarkInput;
using pebble::domain::DuplicatePolicy;
using pebble::domain::UpsertOutcome;
using pebble::store::Store;
using pebble::store::TxMode;
using pebble::support::Timestamp;
using pebble::test::at;

namespace {

using Outcomes = std::vector<UpsertOutcome>;
using Names = std::vector<std::string>;

BookmarkInput make_input(const std::string& url, char hash_letter) {
  BookmarkInput input;
  input.url = url;
  input.unique_hash = std::string(64, hash_letter);
  return input;
}

std::int64_t make_user(Store& store, const std::string& username) {
  return store.get_or_create_user(username).first.id;
}

Names tag_names(Store& store, std::int64_t owner_id) {
  Names names;
  for (const auto& tag : store.list_tags(owner_id)) names.push_back(tag.name);
  return names;
}

}  // namespace

TEST_CASE("users are unique by name and found by name", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  CHECK(store.backend() == (backend == "postgresql" ? "postgresql" : "sqlite"));
  store.ping();

  const Timestamp before = pebble::support::now_utc();
  const auto [alice, created] = store.get_or_create_user("alice");
  CHECK(created);
  CHECK(alice.id > 0);
  CHECK(alice.username == "alice");
  CHECK(alice.created_at >= before);
  CHECK(alice.created_at <= pebble::support::now_utc());
  const auto [again, created_again] = store.get_or_create_user("alice");
  CHECK_FALSE(created_again);
  CHECK(again.id == alice.id);
  CHECK(again.created_at == alice.created_at);
  CHECK(store.get_or_create_user("bob").first.id != alice.id);
  REQUIRE(store.find_user("alice"));
  CHECK(store.find_user("alice")->id == alice.id);
  CHECK_FALSE(store.find_user("carol"));
}

TEST_CASE("deleting a user cascades to bookmarks, tags, bookmark_tags and import jobs", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  const auto alice = make_user(store, "alice");
  const auto bob = make_user(store, "bob");
  auto shared = make_input("https://example.com/shared", 'a');
  shared.tags = {"news", "tech"};
  // The same unique_hash under two owners: uniqueness is per owner.
  CHECK(store.upsert_bookmarks(alice, {shared, make_input("https://example.com/b", 'b')},
                               DuplicatePolicy::kSkip) ==
        Outcomes{UpsertOutcome::kCreated, UpsertOutcome::kCreated});
  CHECK(store.upsert_bookmarks(bob, {shared}, DuplicatePolicy::kSkip) == Outcomes{UpsertOutcome::kCreated});
  pebble::domain::ImportJob job;
  job.user_id = alice;
  job.source = "bookmarks.html";
  job.format = "netscape";
  store.create_import_job(job);

  // Foreign keys are enforced: rows cannot point at a user that does not exist.
  CHECK_THROWS_AS(store.upsert_bookmarks(alice + bob + 1000, {shared}, DuplicatePolicy::kSkip),
                  pebble::support::ConstraintError);
  pebble::domain::ImportJob orphan = job;
  orphan.user_id = alice + bob + 1000;
  CHECK_THROWS_AS(store.create_import_job(orphan), pebble::support::ConstraintError);

  CHECK(store.delete_user(alice));
  CHECK_FALSE(store.delete_user(alice));
  CHECK_FALSE(store.find_user("alice"));
  CHECK(store.count_bookmarks(alice) == 0);
  CHECK(store.list_tags(alice).empty());
  CHECK_FALSE(store.find_bookmark(alice, std::string(64, 'a')));
  CHECK_FALSE(store.get_import_job(job.id));
  // Bob's copy and tags are untouched.
  REQUIRE(store.find_bookmark(bob, std::string(64, 'a')));
  CHECK(store.find_bookmark(bob, std::string(64, 'a'))->tags == Names{"news", "tech"});
  CHECK(tag_names(store, bob) == Names{"news", "tech"});
  if (pebble::test::is_shared_database(backend)) {
    const auto links = pebble::test::query_rows(backend, opened.url, "SELECT count(*) FROM bookmark_tags");
    CHECK(links == Names{"2"});
    const auto jobs = pebble::test::query_rows(backend, opened.url, "SELECT count(*) FROM import_jobs");
    CHECK(jobs == Names{"0"});
  }
}

TEST_CASE("a new bookmark stores every field, its tags and its timestamps", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  const auto owner = make_user(store, "alice");

  auto full = make_input("https://Example.com/a?b=1#frag", 'a');
  full.title = "Full";
  full.description = "about it";
  full.feed_url = "https://example.com/feed.xml";
  full.is_private = true;
  full.to_read = true;
  full.created_at = at("2001-02-03T04:05:06.000007Z");
  full.tags = {"zeta", "", "alpha", "zeta", "mid"};
  auto bare = make_input("https://example.com/bare", 'b');
  const Timestamp before = pebble::support::now_utc();
  CHECK(store.upsert_bookmarks(owner, {full, bare}, DuplicatePolicy::kSkip) ==
        Outcomes{UpsertOutcome::kCreated, UpsertOutcome::kCreated});
  const Timestamp after = pebble::support::now_utc();

  const auto found = store.find_bookmark(owner, full.unique_hash);
  REQUIRE(found);
  CHECK(found->id > 0);
  CHECK(found->owner_id == owner);
  CHECK(found->url == full.url);
  CHECK(found->unique_hash == full.unique_hash);
  CHECK(found->title == "Full");
  CHECK(found->description == full.description);
  CHECK(found->feed_url == full.feed_url);
  CHECK(found->is_private);
  CHECK(found->to_read);
  CHECK(found->created_at == at("2001-02-03T04:05:06.000007Z"));
  CHECK(found->updated_at == found->created_at);  // updated_at defaults to created_at
  CHECK(found->tags == Names{"alpha", "mid", "zeta"});
  CHECK(tag_names(store, owner) == Names{"alpha", "mid", "zeta"});
  REQUIRE(store.find_tag(owner, "mid"));
  CHECK(store.find_tag(owner, "mid")->owner_id == owner);
  CHECK_FALSE(store.find_tag(owner, ""));  // empty names are ignored

  const auto plain = store.find_bookmark(owner, bare.unique_hash);
  REQUIRE(plain);
  CHECK(plain->title.empty());
  CHECK_FALSE(plain->description);
  CHECK_FALSE(plain->feed_url);
  CHECK_FALSE(plain->is_private);
  CHECK_FALSE(plain->to_read);
  CHECK(plain->tags.empty());
  CHECK(plain->created_at >= before);
  CHECK(plain->created_at <= after);
  CHECK(store.count_bookmarks(owner) == 2);

  CHECK(store.delete_bookmark(plain->id));
  CHECK_FALSE(store.delete_bookmark(plain->id));
  CHECK(store.count_bookmarks(owner) == 1);
}

TEST_CASE("kSkip leaves an existing bookmark untouched; later inputs see earlier ones", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  const auto owner = make_user(store, "alice");
  auto first = make_input("https://example.com/a", 'a');
  first.title = "Original";
  auto second = first;
  second.title = "Second";
  second.tags = {"new"};
  CHECK(store.upsert_bookmarks(owner, {first, second}, DuplicatePolicy::kSkip) ==
        Outcomes{UpsertOutcome::kCreated, UpsertOutcome::kSkipped});
  CHECK(store.upsert_bookmarks(owner, {second}, DuplicatePolicy::kSkip) == Outcomes{UpsertOutcome::kSkipped});
  CHECK(store.find_bookmark(owner, first.unique_hash)->title == "Original");
  CHECK(store.find_bookmark(owner, first.unique_hash)->tags.empty());
  CHECK(store.count_bookmarks(owner) == 1);
  CHECK(store.upsert_bookmarks(owner, {first, second}, DuplicatePolicy::kOverwrite) ==
        Outcomes{UpsertOutcome::kUpdated, UpsertOutcome::kUpdated});
  CHECK(store.find_bookmark(owner, first.unique_hash)->title == "Second");
}

TEST_CASE("kOverwrite replaces fields, created_at when given, and tags only when given", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  const auto owner = make_user(store, "alice");
  auto original = make_input("https://example.com/a", 'a');
  original.title = "Old";
  original.description = "old description";
  original.feed_url = "https://example.com/feed";
  original.is_private = true;
  original.created_at = at("2020-01-01T00:00:00.000001Z");
  original.tags = {"b", "a"};
  store.upsert_bookmarks(owner, {original}, DuplicatePolicy::kSkip);

  auto replacement = make_input("https://example.com/a?changed", 'a');
  replacement.title = "New";
  replacement.to_read = true;
  replacement.created_at = at("2019-05-05T05:05:05.555555Z");
  replacement.updated_at = at("2021-06-06T06:06:06.666666Z");
  replacement.tags = {"c"};
  CHECK(store.upsert_bookmarks(owner, {replacement}, DuplicatePolicy::kOverwrite) ==
        Outcomes{UpsertOutcome::kUpdated});
  auto found = store.find_bookmark(owner, original.unique_hash);
  REQUIRE(found);
  CHECK(found->url == "https://example.com/a?changed");
  CHECK(found->title == "New");
  CHECK_FALSE(found->description);
  CHECK_FALSE(found->feed_url);
  CHECK_FALSE(found->is_private);
  CHECK(found->to_read);
  CHECK(found->created_at == at("2019-05-05T05:05:05.555555Z"));
  CHECK(found->updated_at == at("2021-06-06T06:06:06.666666Z"));
  CHECK(found->tags == Names{"c"});

  auto untagged = make_input("https://example.com/a", 'a');
  untagged.title = "Third";
  const Timestamp before = pebble::support::now_utc();
  CHECK(store.upsert_bookmarks(owner, {untagged}, DuplicatePolicy::kOverwrite) ==
        Outcomes{UpsertOutcome::kUpdated});
  const Timestamp after = pebble::support::now_utc();
  found = store.find_bookmark(owner, original.unique_hash);
  REQUIRE(found);
  CHECK(found->title == "Third");
  CHECK(found->tags == Names{"c"});  // no tags in the input: kept
  CHECK(found->created_at == at("2019-05-05T05:05:05.555555Z"));
  CHECK(found->updated_at >= before);
  CHECK(found->updated_at <= after);
}

TEST_CASE("kMerge fills only empty fields, unions tags and skips when nothing changes", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  const auto owner = make_user(store, "alice");
  auto sparse = make_input("https://example.com/a", 'a');
  sparse.is_private = true;
  sparse.to_read = true;
  sparse.created_at = at("2020-01-01T00:00:00Z");
  sparse.tags = {"a"};
  auto empty_description = make_input("https://example.com/b", 'b');
  empty_description.title = "Kept";
  empty_description.description = "";
  empty_description.feed_url = "https://kept.example/feed";
  store.upsert_bookmarks(owner, {sparse, empty_description}, DuplicatePolicy::kSkip);

  auto rich = make_input("https://example.com/a?other", 'a');
  rich.title = "Filled";
  rich.description = "desc";
  rich.feed_url = "https://example.com/feed";
  rich.created_at = at("2024-01-01T00:00:00Z");
  rich.tags = {"b", "a"};
  auto rich_b = make_input("https://example.com/b", 'b');
  rich_b.title = "Ignored";
  rich_b.description = "now set";
  rich_b.feed_url = "https://ignored.example/feed";
  const Timestamp before = pebble::support::now_utc();
  CHECK(store.upsert_bookmarks(owner, {rich, rich_b}, DuplicatePolicy::kMerge) ==
        Outcomes{UpsertOutcome::kUpdated, UpsertOutcome::kUpdated});
  const Timestamp after = pebble::support::now_utc();
  auto merged = store.find_bookmark(owner, sparse.unique_hash);
  REQUIRE(merged);
  CHECK(merged->url == "https://example.com/a");
  CHECK(merged->title == "Filled");
  CHECK(merged->description == "desc");
  CHECK(merged->feed_url == "https://example.com/feed");
  CHECK(merged->is_private);
  CHECK(merged->to_read);
  CHECK(merged->created_at == at("2020-01-01T00:00:00Z"));
  CHECK(merged->updated_at >= before);
  CHECK(merged->updated_at <= after);
  CHECK(merged->tags == Names{"a", "b"});
  const auto merged_b = store.find_bookmark(owner, rich_b.unique_hash);
  REQUIRE(merged_b);
  CHECK(merged_b->title == "Kept");
  CHECK(merged_b->description == "now set");
  CHECK(merged_b->feed_url == "https://kept.example/feed");

  // Nothing left to fill and no new tag: a no-op merge is kSkipped and leaves updated_at alone.
  auto same = rich;
  same.title = "Other";
  same.description = "other";
  same.tags = {"a"};
  CHECK(store.upsert_bookmarks(owner, {same}, DuplicatePolicy::kMerge) == Outcomes{UpsertOutcome::kSkipped});
  const auto unchanged = store.find_bookmark(owner, sparse.unique_hash);
  REQUIRE(unchanged);
  CHECK(unchanged->title == "Filled");
  CHECK(unchanged->updated_at == merged->updated_at);
  // A new tag alone is a change.
  same.tags = {"c"};
  CHECK(store.upsert_bookmarks(owner, {same}, DuplicatePolicy::kMerge) == Outcomes{UpsertOutcome::kUpdated});
  CHECK(store.find_bookmark(owner, sparse.unique_hash)->tags == Names{"a", "b", "c"});
}

TEST_CASE("transactions commit, roll back and refuse nesting", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  store.begin(TxMode::kWrite);
  const auto owner = make_user(store, "ghost");
  store.upsert_bookmarks(owner, {make_input("https://example.com/a", 'a')}, DuplicatePolicy::kSkip);
  CHECK_THROWS_AS(store.begin(TxMode::kRead), pebble::support::StoreError);
  store.rollback();
  CHECK_FALSE(store.find_user("ghost"));
  CHECK(store.count_bookmarks(owner) == 0);

  {
    pebble::store::Transaction unfinished(store, TxMode::kWrite);
    make_user(store, "unwound");
  }
  CHECK_FALSE(store.find_user("unwound"));

  {
    pebble::store::Transaction transaction(store, TxMode::kWrite);
    make_user(store, "kept");
    transaction.commit();
  }
  CHECK(store.find_user("kept"));
  {
    pebble::store::Transaction reading(store, TxMode::kRead);
    CHECK(store.find_user("kept"));
    reading.commit();
  }
}
