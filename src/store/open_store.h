#pragma once
// Chooses a Store implementation from the database URL's scheme (SPEC §1.1) and opens it.
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "store/store.h"
#include "support/clock.h"

namespace pebble::store {

// How an opened store behaves where callers differ.
struct StoreOptions {
  // How long a lost PostgreSQL session is retried before its statement fails: a batch command
  // rides out a server restart this way. SQLite has no session to lose.
  std::chrono::seconds reconnect_window{15};
  // Where created_at, updated_at and the other times the store stamps itself come from; it must
  // outlive the store.
  std::reference_wrapper<const support::Clock> clock = support::system_clock();
  // PGCONNECT_TIMEOUT's value when the environment sets it (config/): libpq's connect timeout in
  // seconds; unset, pebble waits 10 s. A connect_timeout in the URL wins over both.
  std::optional<std::string> connect_timeout;
  // Commands that read a store (metrics-show, export, serve): a SQLite file that does not exist is a
  // typo (`sqlite:/no/such/dir/typo.db`), so it is a StoreError instead of a new, empty store.
  bool must_exist = false;
};

// Opens (creating and migrating as needed) the store named by `url`:
// `sqlite:PATH`, `sqlite:///abs/path`, `sqlite::memory:`, a bare file path,
// `postgresql://…` or `postgres://…`. Throws UsageError for an unknown scheme, StoreError when the
// store cannot be opened or migrated, or is a SQLite file that does not exist and must.
std::unique_ptr<Store> open_store(const std::string& url, const StoreOptions& options = {});

// Throws StoreError when `url` names a SQLite file that does not exist (what must_exist refuses),
// for serve, which opens its store only when scraped.
void check_store_exists(const std::string& url);

// The file a SQLite database URL names, as open_store would open it; nullopt for PostgreSQL and
// `sqlite::memory:`. Lets a long-running reader notice the file being deleted or replaced.
std::optional<std::string> sqlite_file_of(const std::string& url);

// The version of the linked SQLite library, for `pebble --version`.
std::string sqlite_library_version();

}  // namespace pebble::store
