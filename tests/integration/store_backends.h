#pragma once
// Opens the stores the contract suite runs against (SQLite in memory, a SQLite file, PostgreSQL) and
// reads their tables from outside through the sqlite3 / psql command-line tools, so the tests need
// neither driver header.
#include <memory>
#include <string>
#include <vector>

#include "store/open_store.h"
#include "store/store.h"
#include "support/time.h"

namespace pebble::test {

// The backend names every contract test runs against, one Catch2 generator value each.
#define PEBBLE_STORE_BACKEND() GENERATE(as<std::string>{}, "sqlite-memory", "sqlite-file", "postgresql")

// A freshly opened, empty, migrated store and the URL that reaches the same database.
struct OpenedStore {
  std::unique_ptr<store::Store> store;
  std::string url;
  std::string backend;
};

// A new empty temporary folder, removed when the test process exits normally.
std::string make_temp_folder();

// The URL of an empty database of this backend: a new file path for SQLite, the test database with
// its public schema dropped and recreated for PostgreSQL (skips when no server is configured).
std::string empty_database_url(const std::string& backend);

// Opens a fresh store of this backend on an empty database.
OpenedStore open_fresh_store(const std::string& backend, const store::StoreOptions& options = {});

// Whether another process can reach this backend's database (false for a private in-memory store).
bool is_shared_database(const std::string& backend);

// Rows of `sql` run against the database at `url`, one string per row with columns joined by '|'.
std::vector<std::string> query_rows(const std::string& backend, const std::string& url,
                                    const std::string& sql);

// Runs a program (no shell) and returns its standard output; throws when it does not exit 0.
std::string run_program(const std::vector<std::string>& arguments);

// Parses ISO-8601 text that the test knows to be valid.
support::Timestamp at(const char* iso_text);

}  // namespace pebble::test
