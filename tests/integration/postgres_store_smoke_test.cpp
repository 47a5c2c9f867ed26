// Smoke tests of the PostgreSQL store, run until the shared contract suite covers the same ground.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <thread>

#include "store/open_store.h"
#include "support/error.h"
#include "support/test_env.h"

namespace pebble {
namespace {

// Drops every table so each case starts from an empty database.
std::string fresh_postgres_url() {
  const std::string url = test::postgres_url_or_skip();
  const std::string command =
      "psql -q \"" + url + "\" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' >/dev/null 2>&1";
  if (std::system(command.c_str()) != 0) throw std::runtime_error("cannot reset " + url);
  return url;
}

BookmarkInput input(const std::string& hash, std::vector<std::string> tags) {
  BookmarkInput bookmark;
  bookmark.url = "https://example.com/" + hash;
  bookmark.unique_hash = hash;
  bookmark.title = "Título 🐘 " + hash;
  bookmark.tags = std::move(tags);
  return bookmark;
}

TEST_CASE("postgres store migrates once even when two processes open it at once", "[postgres]") {
  const std::string url = fresh_postgres_url();
  std::exception_ptr failure;
  std::thread other([&] {
    try {
      open_store(url);
    } catch (...) {
      failure = std::current_exception();
    }
  });
  auto store = open_store(url);
  other.join();
  if (failure) std::rethrow_exception(failure);
  CHECK(store->backend() == "postgresql");
  store = open_store(url);  // reopening finds nothing pending
  store->ping();
}

TEST_CASE("postgres store round-trips users and bookmarks", "[postgres]") {
  auto store = open_store(fresh_postgres_url());
  const auto [user, created] = store->get_or_create_user("ana");
  CHECK(created);
  CHECK_FALSE(store->get_or_create_user("ana").second);
  CHECK(store->find_user("ana")->id == user.id);

  BookmarkInput first = input("h1", {"zeta", "alpha", "alpha", ""});
  first.created_at = Timestamp{1751146440123456};
  first.description = "描述";
  CHECK(store->upsert_bookmarks(user.id, {first, input("h2", {"alpha"})}, DuplicatePolicy::kSkip) ==
        std::vector<UpsertOutcome>{UpsertOutcome::kCreated, UpsertOutcome::kCreated});
  const auto found = store->find_bookmark(user.id, "h1");
  REQUIRE(found);
  CHECK(found->title == "Título 🐘 h1");
  CHECK(found->description == "描述");
  CHECK(found->created_at == Timestamp{1751146440123456});
  CHECK(found->updated_at == Timestamp{1751146440123456});
  CHECK(found->tags == std::vector<std::string>{"alpha", "zeta"});

  BookmarkInput merge = input("h1", {"new"});
  merge.title = "ignored";
  merge.feed_url = "https://example.com/feed";
  CHECK(store->upsert_bookmarks(user.id, {merge}, DuplicatePolicy::kMerge)[0] == UpsertOutcome::kUpdated);
  const auto merged = store->find_bookmark(user.id, "h1");
  CHECK(merged->title == "Título 🐘 h1");
  CHECK(merged->feed_url == "https://example.com/feed");
  CHECK(merged->tags == std::vector<std::string>{"alpha", "new", "zeta"});
  CHECK(store->upsert_bookmarks(user.id, {merge}, DuplicatePolicy::kMerge)[0] == UpsertOutcome::kSkipped);

  std::vector<std::string> streamed;
  store->for_each_bookmark({user.id, {"alpha", "zeta"}, std::nullopt, std::nullopt},
                           [&](const Bookmark& bookmark) { streamed.push_back(bookmark.unique_hash); });
  CHECK(streamed == std::vector<std::string>{"h1"});
  streamed.clear();
  Transaction transaction(*store, TxMode::kRead);
  store->for_each_bookmark({user.id, {"alpha"}, std::nullopt, std::nullopt},
                           [&](const Bookmark& bookmark) { streamed.push_back(bookmark.unique_hash); });
  transaction.commit();
  CHECK(streamed == std::vector<std::string>{"h2", "h1"});  // h1 is dated 2025, h2 now

  CHECK(store->delete_user(user.id));
  CHECK(store->gather_stats(now_utc()).bookmarks == 0);
}

TEST_CASE("postgres store connection errors never show the password", "[postgres]") {
  const std::string url = GENERATE(as<std::string>{}, "postgresql://pebble:sekrit-pass@127.0.0.1:1/nowhere",
                                   "postgresql://pebble@127.0.0.1:1/nowhere?password=sekrit-pass");
  try {
    open_store(url);
    FAIL("connected to a closed port");
  } catch (const StoreError& error) {
    const std::string text = error.what();
    CHECK(text.find("sekrit-pass") == std::string::npos);
    CHECK(text.find("127.0.0.1") != std::string::npos);
  }
}

}  // namespace
}  // namespace pebble
