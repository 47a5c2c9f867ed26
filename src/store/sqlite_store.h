#pragma once
// The SQLite implementation of Store (embedded default): WAL, synchronous=NORMAL, busy timeout,
// foreign keys on.
#include <memory>
#include <string>

#include "store/store.h"

namespace pebble {

// Opens or creates the database file at `path` (":memory:" for a private in-memory store) and
// applies pending migrations. Creates the parent folder when missing.
std::unique_ptr<Store> open_sqlite_store(const std::string& path);

}  // namespace pebble
