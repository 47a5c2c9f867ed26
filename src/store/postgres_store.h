#pragma once
// The PostgreSQL implementation of Store (production and multi-host), over libpq.
#include <memory>
#include <string>

#include "store/open_store.h"
#include "store/store.h"

namespace pebble::store {

// Connects with a libpq URI (`postgresql://…` or `postgres://…`) and applies pending migrations
// under an advisory lock, so concurrent starts migrate once. A lost session is retried for
// options.reconnect_window before a statement fails; timestamps come from options.clock.
std::unique_ptr<Store> open_postgres_store(const std::string& uri, const StoreOptions& options);

}  // namespace pebble::store
