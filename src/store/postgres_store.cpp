// The PostgreSQL store: opening, transactions, users, tags and the stats behind the store gauges.
#include "store/postgres_store.h"

#include "store/open_store.h"
#include "store/postgres_module.h"
#include "store/postgres_schema.h"
#include "store/postgres_store_impl.h"
#include "support/error.h"

namespace pebble::store {

std::unique_ptr<Store> open_postgres_store(const std::string& uri, const StoreOptions& options) {
  return std::make_unique<PostgresStore>(uri, options);
}

namespace {

std::string libpq_library_version() {
  // Since PostgreSQL 10 the number is major * 10000 + minor.
  const int version = PQlibVersion();
  return std::to_string(version / 10000) + "." + std::to_string(version % 10000);
}

}  // namespace

}  // namespace pebble::store

// The module's entry point (store/postgres_module.h).
extern "C" const pebble::store::PostgresModule* pebble_postgres_module() {
  static const pebble::store::PostgresModule module{pebble::store::open_postgres_store,
                                                    pebble::store::libpq_library_version};
  return &module;
}

namespace pebble::store {

namespace {

constexpr const char* kUserColumns = "id, username, email, created_at, updated_at";
constexpr const char* kTagColumns = "id, owner_id, name, is_system";

domain::User user_from_row(const Result& result, int row) {
  domain::User user;
  user.id = result.integer(row, 0);
  user.username = result.text(row, 1);
  user.email = result.optional_text(row, 2);
  user.created_at = result.time(row, 3);
  user.updated_at = result.time(row, 4);
  return user;
}

domain::Tag tag_from_row(const Result& result, int row) {
  domain::Tag tag;
  tag.id = result.integer(row, 0);
  tag.owner_id = result.integer(row, 1);
  tag.name = result.text(row, 2);
  tag.is_system = result.boolean(row, 3);
  return tag;
}

}  // namespace

PostgresStore::PostgresStore(const std::string& uri, const StoreOptions& options)
    : connection_(uri, options.reconnect_window, options.connect_timeout), clock_(options.clock.get()) {
  apply_migrations(connection_, clock_);
}

void PostgresStore::begin(TxMode) {
  // PostgreSQL takes row locks as statements run, so read and write transactions start alike.
  if (in_transaction_)
    throw support::StoreError("PostgreSQL: cannot begin a transaction: one is already open");
  try {
    connection_.exec_script("begin a transaction", "BEGIN");
  } catch (const support::StoreError&) {
    // Nothing of the caller's is lost when the session died between transactions: start afresh.
    if (!connection_.reconnect_if_lost()) throw;
    connection_.exec_script("begin a transaction", "BEGIN");
  }
  in_transaction_ = true;
}

void PostgresStore::commit() {
  if (!in_transaction_) throw support::StoreError("PostgreSQL: cannot commit: no transaction is open");
  in_transaction_ = false;  // a failed COMMIT still ends the transaction
  connection_.exec_script("commit the transaction", "COMMIT");
}

void PostgresStore::rollback() {
  if (!in_transaction_) throw support::StoreError("PostgreSQL: cannot roll back: no transaction is open");
  in_transaction_ = false;
  connection_.exec_script("roll back the transaction", "ROLLBACK");
}

// Savepoint names are fixed identifiers from the code (never user input), so they are spliced in.
void PostgresStore::savepoint(const std::string& name) {
  connection_.exec("open a savepoint", "SAVEPOINT " + name);
}

void PostgresStore::release_savepoint(const std::string& name) {
  connection_.exec("release a savepoint", "RELEASE SAVEPOINT " + name);
}

void PostgresStore::rollback_to_savepoint(const std::string& name) {
  connection_.exec("roll back to a savepoint", "ROLLBACK TO SAVEPOINT " + name);
}

void PostgresStore::ping() {
  try {
    connection_.exec("ping the server", "SELECT 1");
  } catch (const support::StoreError&) {
    // A long-running `serve` must recover once the server is back, not report it down forever.
    if (in_transaction_ || !connection_.reconnect_if_lost()) throw;
    connection_.exec("ping the server", "SELECT 1");
  }
}

void PostgresStore::in_transaction(std::string_view purpose, const std::function<void()>& work) {
  if (in_transaction_) {
    work();
    return;
  }
  begin(TxMode::kWrite);
  try {
    work();
  } catch (...) {
    try {
      rollback();
    } catch (...) {  // the original error is the one worth reporting
    }
    throw;
  }
  try {
    commit();
  } catch (const support::StoreError& error) {
    throw support::StoreError(std::string(error.what()) + " (while trying to " + std::string(purpose) + ")");
  }
}

std::pair<domain::User, bool> PostgresStore::get_or_create_user(const std::string& username) {
  const Result inserted =
      connection_.exec("create user '" + username + "'",
                       std::string("INSERT INTO users (username, created_at, updated_at) VALUES ($1, $2, $2) "
                                   "ON CONFLICT (username) DO NOTHING RETURNING ") +
                           kUserColumns,
                       Params().text(username).time(clock_.now()));
  if (inserted.rows() == 1) return {user_from_row(inserted, 0), true};
  auto existing = find_user(username);
  if (!existing)
    throw support::StoreError("PostgreSQL: user '" + username + "' vanished while being created");
  return {*existing, false};
}

std::optional<domain::User> PostgresStore::find_user(const std::string& username) {
  const Result result = connection_.exec(
      "find user '" + username + "'",
      std::string("SELECT ") + kUserColumns + " FROM users WHERE username = $1", Params().text(username));
  if (result.rows() == 0) return std::nullopt;
  return user_from_row(result, 0);
}

bool PostgresStore::delete_user(std::int64_t user_id) {
  const Result result =
      connection_.exec("delete user " + std::to_string(user_id), "DELETE FROM users WHERE id = $1::bigint",
                       Params().integer(user_id));
  return result.affected() > 0;
}

std::optional<domain::Tag> PostgresStore::find_tag(std::int64_t owner_id, const std::string& name) {
  const Result result = connection_.exec(
      "find tag '" + name + "'",
      std::string("SELECT ") + kTagColumns + " FROM tags WHERE owner_id = $1::bigint AND name = $2",
      Params().integer(owner_id).text(name));
  if (result.rows() == 0) return std::nullopt;
  return tag_from_row(result, 0);
}

std::vector<domain::Tag> PostgresStore::list_tags(std::int64_t owner_id) {
  // COLLATE "C" sorts by bytes, as SQLite and std::string do, whatever the database's locale.
  const Result result =
      connection_.exec("list tags",
                       std::string("SELECT ") + kTagColumns +
                           " FROM tags WHERE owner_id = $1::bigint ORDER BY name COLLATE \"C\"",
                       Params().integer(owner_id));
  std::vector<domain::Tag> tags;
  for (int row = 0; row < result.rows(); ++row) tags.push_back(tag_from_row(result, row));
  return tags;
}

StoreStats PostgresStore::gather_stats(support::Timestamp now) {
  StoreStats stats;
  const Result counts = connection_.exec(
      "count rows for the store gauges",
      "SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM bookmarks), (SELECT count(*) FROM tags), "
      "(SELECT count(*) FROM feed_items), "
      "(SELECT count(*) FROM feeds WHERE NOT disabled AND consecutive_failures = 0), "
      "(SELECT count(*) FROM feeds WHERE NOT disabled AND consecutive_failures > 0), "
      // The self-test's feeds are always disabled: left out here, they are out of every count.
      "(SELECT count(*) FROM feeds WHERE disabled AND disabled_reason IS DISTINCT FROM $2::text), "
      "(SELECT count(*) FROM feeds WHERE NOT disabled AND (next_poll_at IS NULL OR next_poll_at <= "
      "$1::timestamptz))",
      Params().time(now).text(std::string(domain::kSelfTestFeedReason)));
  stats.users = counts.integer(0, 0);
  stats.bookmarks = counts.integer(0, 1);
  stats.tags = counts.integer(0, 2);
  stats.feed_items = counts.integer(0, 3);
  stats.feeds_active = counts.integer(0, 4);
  stats.feeds_failing = counts.integer(0, 5);
  stats.feeds_disabled = counts.integer(0, 6);
  stats.feeds_due = counts.integer(0, 7);
  const Result jobs = connection_.exec("count import jobs by status",
                                       "SELECT status, count(*) FROM import_jobs GROUP BY status");
  for (int row = 0; row < jobs.rows(); ++row)
    stats.import_jobs_by_status[jobs.text(row, 0)] = jobs.integer(row, 1);
  const Result users = connection_.exec("count bookmarks by user",
                                        "SELECT u.username, count(b.id) FROM users u LEFT JOIN bookmarks b "
                                        "ON b.owner_id = u.id GROUP BY u.username");
  for (int row = 0; row < users.rows(); ++row)
    stats.bookmarks_by_user[users.text(row, 0)] = users.integer(row, 1);
  return stats;
}

}  // namespace pebble::store
