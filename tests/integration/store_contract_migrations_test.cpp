// The store contract across processes: concurrent openers migrate an empty database exactly once, and
// concurrent metric writers add up instead of overwriting each other.
#include <cstdio>
#include <functional>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "store/open_store.h"
#include "store_backends.h"

namespace {

// Forks one child per opener; all block on a pipe until the parent closes it, then open the store at
// once and run `work` on it. Returns the children's exit codes.
std::vector<int> open_concurrently(const std::string& url, int openers,
                                   const std::function<void(pebble::store::Store&)>& work) {
  int start_pipe[2];
  REQUIRE(pipe(start_pipe) == 0);
  std::vector<pid_t> children;
  for (int index = 0; index < openers; ++index) {
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      close(start_pipe[1]);
      char byte = 0;
      const auto ignored = read(start_pipe[0], &byte, 1);  // end of file once the parent closes
      static_cast<void>(ignored);
      int code = 0;
      try {
        auto store = pebble::store::open_store(url);
        work(*store);
      } catch (const std::exception& error) {
        std::fprintf(stderr, "opener %d: %s\n", index, error.what());
        code = 1;
      }
      _exit(code);
    }
    children.push_back(child);
  }
  close(start_pipe[0]);
  close(start_pipe[1]);
  std::vector<int> exit_codes;
  for (const pid_t child : children) {
    int status = 0;
    waitpid(child, &status, 0);
    exit_codes.push_back(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
  }
  return exit_codes;
}

}  // namespace

TEST_CASE("two processes migrating one empty database apply each migration once", "[store]") {
  const std::string backend = GENERATE(as<std::string>{}, "sqlite-file", "postgresql");
  INFO("backend " << backend);
  const std::string migrations_sql =
      "SELECT version, count(*) FROM schema_migrations WHERE name <> '' GROUP BY version ORDER BY version";
  std::vector<std::string> first_round;
  for (int round = 0; round < 3; ++round) {
    const std::string url = pebble::test::empty_database_url(backend);
    CHECK(open_concurrently(url, 2, [](pebble::store::Store& store) { store.ping(); }) ==
          std::vector<int>{0, 0});
    const auto rows = pebble::test::query_rows(backend, url, migrations_sql);
    REQUIRE_FALSE(rows.empty());
    for (const std::string& row : rows) CHECK(row.ends_with("|1"));
    CHECK(pebble::test::query_rows(backend, url, "SELECT count(*) FROM schema_migrations") ==
          std::vector<std::string>{std::to_string(rows.size())});
    // Every round ends with the same complete list, and opening again applies nothing.
    if (round == 0) first_round = rows;
    CHECK(rows == first_round);
    pebble::store::open_store(url)->ping();
    CHECK(pebble::test::query_rows(backend, url, migrations_sql) == rows);
  }
}

TEST_CASE("concurrent processes adding to one counter and histogram lose no increment", "[store]") {
  const std::string backend = GENERATE(as<std::string>{}, "sqlite-file", "postgresql");
  INFO("backend " << backend);
  const std::string url = pebble::test::empty_database_url(backend);
  pebble::store::open_store(url)->ping();  // migrated up front: this test is about the increments
  constexpr int kWriters = 4;
  constexpr int kIncrements = 25;
  const auto exit_codes = open_concurrently(url, kWriters, [](pebble::store::Store& store) {
    for (int index = 0; index < kIncrements; ++index) {
      store.add_counters({{"poll-feeds", "pebble_feed_polls_total", "", 1}});
      pebble::store::Transaction transaction(store, pebble::store::TxMode::kWrite);
      store.add_histograms({{"poll-feeds", "pebble_poll_seconds", "", {{"+Inf", 1}}, 0.5, 1}});
      transaction.commit();
    }
  });
  CHECK(exit_codes == std::vector<int>(kWriters, 0));
  auto store = pebble::store::open_store(url);
  const auto counters = store->read_counters();
  REQUIRE(counters.size() == 1);
  CHECK(counters[0].value == kWriters * kIncrements);
  const auto histograms = store->read_histograms();
  REQUIRE(histograms.size() == 1);
  CHECK(histograms[0].count == kWriters * kIncrements);
  CHECK(histograms[0].sum == Approx(0.5 * kWriters * kIncrements));
  REQUIRE(histograms[0].buckets.size() == 1);
  CHECK(histograms[0].buckets[0].second == kWriters * kIncrements);
}
