// The store contract: two processes opening the same empty database at once migrate it exactly once.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>

#include "store/open_store.h"
#include "store_backends.h"

namespace {

// Forks one child per opener; all block on a pipe until the parent closes it, then open at once.
std::vector<int> open_concurrently(const std::string& url, int openers) {
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
        auto store = pebble::open_store(url);
        store->ping();
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
    CHECK(open_concurrently(url, 2) == std::vector<int>{0, 0});
    const auto rows = pebble::test::query_rows(backend, url, migrations_sql);
    REQUIRE_FALSE(rows.empty());
    for (const std::string& row : rows) CHECK(row.ends_with("|1"));
    CHECK(pebble::test::query_rows(backend, url, "SELECT count(*) FROM schema_migrations") ==
          std::vector<std::string>{std::to_string(rows.size())});
    // Every round ends with the same complete list, and opening again applies nothing.
    if (round == 0) first_round = rows;
    CHECK(rows == first_round);
    pebble::open_store(url)->ping();
    CHECK(pebble::test::query_rows(backend, url, migrations_sql) == rows);
  }
}
