#pragma once
// The PostgreSQL implementation of Store (production and multi-host), over libpq.
#include <chrono>
#include <memory>
#include <string>

#include "store/store.h"

namespace pebble {

// Connects with a libpq URI (`postgresql://…` or `postgres://…`) and applies pending migrations
// under an advisory lock, so concurrent starts migrate once. A lost session is retried for
// `reconnect_window` before a statement fails.
std::unique_ptr<Store> open_postgres_store(const std::string& uri, std::chrono::seconds reconnect_window);

}  // namespace pebble
