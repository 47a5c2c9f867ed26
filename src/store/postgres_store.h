#pragma once
// The PostgreSQL implementation of Store (production and multi-host), over libpq.
#include <memory>
#include <string>

#include "store/store.h"

namespace pebble {

// Connects with a libpq URI (`postgresql://…` or `postgres://…`) and applies pending migrations
// under an advisory lock, so concurrent starts migrate once.
std::unique_ptr<Store> open_postgres_store(const std::string& uri);

}  // namespace pebble
