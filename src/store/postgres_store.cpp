#include "store/postgres_store.h"

#include "support/error.h"

namespace pebble {

// Replaced by the real implementation (work in progress in a separate worktree).
std::unique_ptr<Store> open_postgres_store(const std::string&) {
  throw StoreError("postgres store not built yet");
}

}  // namespace pebble

#include <libpq-fe.h>
namespace pebble {
std::string libpq_library_version() {
  const int version = PQlibVersion();
  return std::to_string(version / 10000) + "." + std::to_string(version % 10000);
}
}  // namespace pebble
