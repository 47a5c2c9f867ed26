#include "store/sqlite_store.h"

#include "support/error.h"

namespace pebble {

// Replaced by the real implementation (work in progress in a separate worktree).
std::unique_ptr<Store> open_sqlite_store(const std::string&) {
  throw StoreError("sqlite store not built yet");
}

}  // namespace pebble

#include <sqlite3.h>
namespace pebble {
std::string sqlite_library_version() {
  return sqlite3_libversion();
}
}  // namespace pebble
