#include "store/open_store.h"

#include <catch2/catch.hpp>

#include "support/error.h"

TEST_CASE("an unknown database scheme is a usage error", "[store]") {
  CHECK_THROWS_AS(pebble::store::open_store("mysql://h/db"), pebble::support::UsageError);
  CHECK_THROWS_AS(pebble::store::open_store(""), pebble::support::UsageError);
}
