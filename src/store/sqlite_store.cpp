// The SQLite store: opening, transactions and users. Other methods live in sqlite_bookmarks.cpp,
// sqlite_feeds.cpp and sqlite_jobs_metrics.cpp.
#include "store/sqlite_store.h"

#include "store/sqlite_store_impl.h"
#include "support/error.h"

namespace pebble::store {

namespace {

constexpr const char* kUserColumns = "SELECT id, username, email, created_at, updated_at FROM users";

domain::User read_user(const SqliteStatement& statement) {
  domain::User user;
  user.id = statement.integer(0);
  user.username = statement.text(1);
  user.email = statement.optional_text(2);
  user.created_at = statement.timestamp(3);
  user.updated_at = statement.timestamp(4);
  return user;
}

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::string& path, const support::Clock& clock) {
  return std::make_unique<SqliteStore>(path, clock);
}

// Connection errors read "cannot open SQLite database PATH: …"; migration errors name the path and
// the migration that failed.
SqliteStore::SqliteStore(const std::string& path, const support::Clock& clock)
    : connection_(path), clock_(clock) {
  migrate_sqlite(connection_, clock_);
}

void SqliteStore::begin(TxMode mode) {
  if (in_transaction_)
    throw support::StoreError("SQLite database " + connection_.path() + ": a transaction is already open");
  connection_.execute("begin a transaction", mode == TxMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
  in_transaction_ = true;
}

void SqliteStore::commit() {
  if (!in_transaction_)
    throw support::StoreError("SQLite database " + connection_.path() + ": no transaction to commit");
  connection_.execute("commit", "COMMIT");
  in_transaction_ = false;
}

void SqliteStore::rollback() {
  if (!in_transaction_) return;
  in_transaction_ = false;
  connection_.rollback_quietly();
}

// Savepoint names are fixed identifiers from the code (never user input), so they are spliced in.
void SqliteStore::savepoint(const std::string& name) {
  connection_.execute("open a savepoint", "SAVEPOINT " + name);
}

void SqliteStore::release_savepoint(const std::string& name) {
  connection_.execute("release a savepoint", "RELEASE SAVEPOINT " + name);
}

void SqliteStore::rollback_to_savepoint(const std::string& name) {
  connection_.execute("roll back to a savepoint", "ROLLBACK TO SAVEPOINT " + name);
}

void SqliteStore::ping() {
  auto statement = connection_.prepare("answer a ping", "SELECT 1");
  statement.step();
}

std::pair<domain::User, bool> SqliteStore::get_or_create_user(const std::string& username) {
  return write_atomically([&] {
    const support::Timestamp now = clock_.now();
    connection_
        .prepare("create user",
                 "INSERT INTO users (username, created_at, updated_at) VALUES (?, ?, ?) "
                 "ON CONFLICT (username) DO NOTHING")
        .bind_all(username, now, now)
        .run();
    const bool created = connection_.changes() > 0;
    auto user = find_user(username);
    if (!user)
      throw support::StoreError("SQLite database " + connection_.path() + ": user '" + username +
                                "' vanished");
    return std::make_pair(*user, created);
  });
}

std::optional<domain::User> SqliteStore::find_user(const std::string& username) {
  auto statement = connection_.prepare("find user", std::string(kUserColumns) + " WHERE username = ?");
  statement.bind_all(username);
  if (!statement.step()) return std::nullopt;
  return read_user(statement);
}

bool SqliteStore::delete_user(std::int64_t user_id) {
  connection_.prepare("delete user", "DELETE FROM users WHERE id = ?").bind_all(user_id).run();
  return connection_.changes() > 0;
}

}  // namespace pebble::store
