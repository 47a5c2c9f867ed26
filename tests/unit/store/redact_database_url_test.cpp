#include <catch2/catch.hpp>

#include "store/open_store.h"
#include "support/error.h"

using pebble::store::redact_database_url;

TEST_CASE("database passwords never reach logs", "[store][redact]") {
  CHECK(redact_database_url("postgresql://pebble:s3cret@db:5432/pebble") ==
        "postgresql://pebble:***@db:5432/pebble");
  CHECK(redact_database_url("postgres://u:p%40ss@h/db?sslmode=require") ==
        "postgres://u:***@h/db?sslmode=require");
  CHECK(redact_database_url("postgresql://h/db?user=u&password=hunter2&x=1") ==
        "postgresql://h/db?user=u&password=***&x=1");
  CHECK(redact_database_url("postgresql://user@h/db") == "postgresql://user@h/db");
  CHECK(redact_database_url("sqlite:/tmp/x.db") == "sqlite:/tmp/x.db");
}

TEST_CASE("an unknown database scheme is a usage error", "[store]") {
  CHECK_THROWS_AS(pebble::store::open_store("mysql://h/db"), pebble::support::UsageError);
  CHECK_THROWS_AS(pebble::store::open_store(""), pebble::support::UsageError);
}
