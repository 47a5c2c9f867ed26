#pragma once
// The PostgreSQL module, pebble-postgres.so (the postgres_* files and libpq): what it hands out.
// std-only, so open_store.cpp can load it without seeing libpq (support/module_loader.h says why
// libpq is a module).
#include <memory>
#include <string>

#include "store/open_store.h"
#include "store/store.h"

namespace pebble::store {

// The module's functions.
struct PostgresModule {
  // open_postgres_store (postgres_store.h).
  std::unique_ptr<Store> (*open)(const std::string& uri, const StoreOptions& options);
  // The version of the libpq the module runs with, e.g. "15.10".
  std::string (*library_version)();
};

// The name of its entry point, extern "C" const PostgresModule* pebble_postgres_module().
inline constexpr const char* kPostgresModuleEntry = "pebble_postgres_module";

// The module's functions, loaded on first use (support::module_table).
const PostgresModule& postgres_module();

}  // namespace pebble::store
