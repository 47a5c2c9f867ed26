// SQLite-only behaviour of the store: file handling, pragmas and error wording.
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "store/open_store.h"
#include "store_backends.h"
#include "support/error.h"

using Catch::Matchers::Contains;

TEST_CASE("the SQLite store creates parent folders and runs in WAL mode", "[store][sqlite]") {
  const std::string folder = pebble::test::make_temp_folder();
  const std::string path = folder + "/a/b/pebble.db";
  auto store = pebble::store::open_store(path);  // a bare path is a SQLite file
  CHECK(store->backend() == "sqlite");
  CHECK(std::filesystem::exists(path));
  CHECK(pebble::test::query_rows("sqlite-file", "sqlite:" + path, "PRAGMA journal_mode") ==
        std::vector<std::string>{"wal"});
  CHECK(pebble::test::query_rows(
            "sqlite-file", "sqlite:" + path,
            "SELECT count(*) FROM sqlite_master WHERE name = 'bookmarks_owner_created_idx'") ==
        std::vector<std::string>{"1"});
  // A second open of the migrated file neither fails nor changes anything.
  auto again = pebble::store::open_store("sqlite://" + path);
  again->ping();
}

TEST_CASE("SQLite open errors name the database file", "[store][sqlite]") {
  const std::string folder = pebble::test::make_temp_folder();
  const std::string blocker = folder + "/not-a-folder";
  std::ofstream(blocker) << "plain file";
  const std::string path = blocker + "/pebble.db";
  CHECK_THROWS_AS(pebble::store::open_store("sqlite:" + path), pebble::support::StoreError);
  CHECK_THROWS_WITH(pebble::store::open_store("sqlite:" + path),
                    Contains("cannot open SQLite database " + path));

  const std::string garbage = folder + "/garbage.db";
  std::ofstream(garbage) << std::string(4096, 'x');
  CHECK_THROWS_WITH(pebble::store::open_store(garbage), Contains(garbage));
}

TEST_CASE("the linked SQLite library reports its version", "[store][sqlite]") {
  CHECK(pebble::store::sqlite_library_version().starts_with("3."));
}

TEST_CASE("a bookmark visitor may run the same query again while the stream is open", "[store][sqlite]") {
  auto store = pebble::store::open_store("sqlite::memory:");
  const auto owner = store->get_or_create_user("alice").first.id;
  std::vector<pebble::domain::BookmarkInput> inputs(3);
  for (std::size_t index = 0; index < inputs.size(); ++index) {
    inputs[index].url = "https://example.com/" + std::to_string(index);
    inputs[index].unique_hash = std::string(64, static_cast<char>('a' + index));
  }
  store->upsert_bookmarks(owner, inputs, pebble::domain::DuplicatePolicy::kSkip);
  pebble::store::BookmarkQuery query;
  query.owner_id = owner;
  int outer = 0;
  int inner = 0;
  // The cached statement is busy in the outer loop, so the inner call must get a private one.
  store->for_each_bookmark(query, [&](const pebble::domain::Bookmark&) {
    ++outer;
    store->for_each_bookmark(query, [&](const pebble::domain::Bookmark&) { ++inner; });
  });
  CHECK(outer == 3);
  CHECK(inner == 9);
}
