#pragma once
// The SQLite implementation of Store (embedded default): WAL, synchronous=NORMAL, busy timeout,
// foreign keys on.
#include <memory>
#include <string>

#include "store/store.h"
#include "support/clock.h"

namespace pebble::store {

// Opens or creates the database file at `path` (":memory:" for a private in-memory store) and
// applies pending migrations. Creates the parent folder when missing. Every timestamp the store
// writes itself (created_at, updated_at, …) comes from `clock`.
std::unique_ptr<Store> open_sqlite_store(const std::string& path, const support::Clock& clock);

}  // namespace pebble::store
