#pragma once
// Private to the postgres_*.cpp files: the ordered schema migrations of the PostgreSQL store.
#include "store/postgres_connection.h"
#include "support/clock.h"

namespace pebble::store {

// Applies every pending migration in one transaction under an advisory lock, so two processes
// opening the same empty database at once migrate it exactly once; applied_at comes from `clock`.
void apply_migrations(Connection& connection, const support::Clock& clock);

}  // namespace pebble::store
