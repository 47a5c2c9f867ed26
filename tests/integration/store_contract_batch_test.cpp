// The store contract for what an import leans on: one upsert call holding new, repeated and existing
// hashes (answered row by row, though the stores work set-based), and the marking of import jobs
// whose process is gone.
#include <catch2/catch.hpp>

#include "store_backends.h"

using pebble::domain::BookmarkInput;
using pebble::domain::DuplicatePolicy;
using pebble::domain::ImportJob;
using pebble::domain::UpsertOutcome;
using pebble::store::Store;
using pebble::store::TxMode;
using pebble::support::Timestamp;

namespace {

using Outcomes = std::vector<UpsertOutcome>;
using Names = std::vector<std::string>;

BookmarkInput make_input(const std::string& url, char hash_letter, Names tags) {
  BookmarkInput input;
  input.url = url;
  input.unique_hash = std::string(64, hash_letter);
  input.title = "Title of " + url;
  input.tags = std::move(tags);
  return input;
}

ImportJob make_job(Store& store, std::int64_t user_id, const std::string& source, const std::string& status) {
  ImportJob job;
  job.user_id = user_id;
  job.source = source;
  job.format = "netscape";
  job.status = status;
  store.create_import_job(job);
  return job;
}

Timestamp hours_from_now(std::int64_t hours) {
  return Timestamp{pebble::support::now_utc().micros + hours * 3600 * 1000000};
}

}  // namespace

TEST_CASE("one upsert call mixes new, repeated and existing hashes in input order", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  const auto owner = store.get_or_create_user("alice").first.id;
  auto existing = make_input("https://example.com/old", 'o', {"kept"});
  REQUIRE(store.upsert_bookmarks(owner, {existing}, DuplicatePolicy::kSkip) ==
          Outcomes{UpsertOutcome::kCreated});

  auto first = make_input("https://example.com/a", 'a', {"x", "y", "x", ""});
  first.description = "";  // empty, not absent
  auto plain = make_input("https://example.com/b", 'b', {});
  auto again = make_input("https://example.com/a2", 'a', {"z"});
  again.description = "second";
  auto old_again = make_input("https://example.com/old2", 'o', {"new"});

  SECTION("kOverwrite: a repeated hash overwrites the row created earlier in the same call") {
    Outcomes outcomes;
    {
      pebble::store::Transaction transaction(store, TxMode::kWrite);
      outcomes = store.upsert_bookmarks(owner, {first, plain, again, old_again}, DuplicatePolicy::kOverwrite);
      transaction.commit();
    }
    CHECK(outcomes == Outcomes{UpsertOutcome::kCreated, UpsertOutcome::kCreated, UpsertOutcome::kUpdated,
                               UpsertOutcome::kUpdated});
    const auto a = store.find_bookmark(owner, first.unique_hash);
    REQUIRE(a);
    CHECK(a->url == "https://example.com/a2");
    CHECK(a->description == std::optional<std::string>("second"));
    CHECK(a->tags == Names{"z"});
    const auto b = store.find_bookmark(owner, plain.unique_hash);
    REQUIRE(b);
    CHECK_FALSE(b->description);
    CHECK_FALSE(b->feed_url);
    CHECK(b->tags.empty());
    CHECK(store.find_bookmark(owner, existing.unique_hash)->tags == Names{"new"});
    CHECK(store.count_bookmarks(owner) == 3);
  }
  SECTION("kSkip: the first of equal hashes wins, with its empty description and its tags once each") {
    CHECK(store.upsert_bookmarks(owner, {first, plain, again, old_again}, DuplicatePolicy::kSkip) ==
          Outcomes{UpsertOutcome::kCreated, UpsertOutcome::kCreated, UpsertOutcome::kSkipped,
                   UpsertOutcome::kSkipped});
    const auto a = store.find_bookmark(owner, first.unique_hash);
    REQUIRE(a);
    CHECK(a->url == "https://example.com/a");
    CHECK(a->description == std::optional<std::string>(""));
    CHECK(a->tags == Names{"x", "y"});
    CHECK(store.find_bookmark(owner, existing.unique_hash)->tags == Names{"kept"});
  }
  SECTION("kMerge: a repeated hash fills what the earlier one left empty and adds its tags") {
    CHECK(store.upsert_bookmarks(owner, {first, again}, DuplicatePolicy::kMerge) ==
          Outcomes{UpsertOutcome::kCreated, UpsertOutcome::kUpdated});
    const auto a = store.find_bookmark(owner, first.unique_hash);
    REQUIRE(a);
    CHECK(a->description == std::optional<std::string>("second"));
    CHECK(a->tags == Names{"x", "y", "z"});
  }
  SECTION("tags created in a rolled-back call are created again by the next one") {
    {
      pebble::store::Transaction transaction(store, TxMode::kWrite);
      store.upsert_bookmarks(owner, {first}, DuplicatePolicy::kSkip);
    }
    CHECK_FALSE(store.find_tag(owner, "x"));
    CHECK(store.upsert_bookmarks(owner, {first}, DuplicatePolicy::kSkip) ==
          Outcomes{UpsertOutcome::kCreated});
    CHECK(store.find_bookmark(owner, first.unique_hash)->tags == Names{"x", "y"});
  }
}

TEST_CASE("fail_abandoned_import_jobs marks stale or same-source unfinished jobs", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  const auto alice = store.get_or_create_user("alice").first.id;
  const auto bob = store.get_or_create_user("bob").first.id;
  const ImportJob same_source = make_job(store, alice, "/tmp/a.html", "processing");
  const ImportJob same_source_pending = make_job(store, alice, "/tmp/a.html", "pending");
  const ImportJob same_source_done = make_job(store, alice, "/tmp/a.html", "cancelled");
  const ImportJob other_source = make_job(store, alice, "/tmp/b.html", "processing");
  const ImportJob other_user = make_job(store, bob, "/tmp/a.html", "processing");
  const ImportJob current = make_job(store, alice, "/tmp/a.html", "pending");
  const auto status_of = [&](const ImportJob& job) { return store.get_import_job(job.id)->status; };

  SECTION("recent rows of other sources or users are left alone") {
    CHECK(store.fail_abandoned_import_jobs(current, hours_from_now(-1), "interrupted: test") == 2);
    CHECK(status_of(same_source) == "failed");
    CHECK(store.get_import_job(same_source.id)->error_message ==
          std::optional<std::string>("interrupted: test"));
    CHECK(store.get_import_job(same_source.id)->completed_at);
    CHECK(status_of(same_source_pending) == "failed");
    CHECK(status_of(same_source_done) == "cancelled");
    CHECK(status_of(other_source) == "processing");
    CHECK(status_of(other_user) == "processing");
    CHECK(status_of(current) == "pending");
  }
  SECTION("rows not refreshed since the bound are marked whatever their source") {
    CHECK(store.fail_abandoned_import_jobs(current, hours_from_now(1), "interrupted: test") == 4);
    CHECK(status_of(other_source) == "failed");
    CHECK(status_of(other_user) == "failed");
    CHECK(status_of(same_source_done) == "cancelled");
    CHECK(status_of(current) == "pending");
  }
}
