#pragma once
// The SQL functions pebble's SQLite schema calls, which SQLite does not have: registered on every
// connection pebble opens (before the migrations, whose triggers and views call them), and by the
// loadable extension pebble-sqlite.so for the sqlite3 shell (sqlite_extension.cpp).
#include <sqlite3.h>

namespace pebble::store {

// Registers pebble_reader_text(value, type) (reader_text.h) on `database`; returns SQLITE_OK or
// SQLite's error code.
int register_sqlite_functions(sqlite3* database);

}  // namespace pebble::store
