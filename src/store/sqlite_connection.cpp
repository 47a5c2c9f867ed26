#include "store/sqlite_connection.h"

#include <chrono>
#include <filesystem>
#include <thread>

#include "store/open_store.h"
#include "store/sqlite_functions.h"
#include "store/stored_time.h"
#include "support/error.h"

namespace pebble::store {

std::string sqlite_library_version() {
  return sqlite3_libversion();
}

SqliteStatement::SqliteStatement(SqliteConnection& connection, sqlite3_stmt* statement, bool owned,
                                 bool* in_use, const char* purpose)
    : connection_(connection), statement_(statement), owned_(owned), in_use_(in_use), purpose_(purpose) {}

SqliteStatement::~SqliteStatement() {
  if (owned_) {
    sqlite3_finalize(statement_);
    return;
  }
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
  *in_use_ = false;
}

void SqliteStatement::bind(int index, const std::string& value) {
  const int code =
      sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  if (code != SQLITE_OK) connection_.fail(purpose_, code);
}

void SqliteStatement::bind(int index, const char* value) {
  bind(index, std::string(value));
}

void SqliteStatement::bind(int index, std::int64_t value) {
  const int code = sqlite3_bind_int64(statement_, index, value);
  if (code != SQLITE_OK) connection_.fail(purpose_, code);
}

void SqliteStatement::bind(int index, int value) {
  bind(index, static_cast<std::int64_t>(value));
}

void SqliteStatement::bind(int index, double value) {
  const int code = sqlite3_bind_double(statement_, index, value);
  if (code != SQLITE_OK) connection_.fail(purpose_, code);
}

void SqliteStatement::bind(int index, bool value) {
  bind(index, static_cast<std::int64_t>(value ? 1 : 0));
}

void SqliteStatement::bind(int index, support::Timestamp value) {
  bind(index, support::format_iso_micros(clamp_to_stored_range(value)));
}

void SqliteStatement::bind(int index, std::nullopt_t) {
  const int code = sqlite3_bind_null(statement_, index);
  if (code != SQLITE_OK) connection_.fail(purpose_, code);
}

bool SqliteStatement::step() {
  const int code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  connection_.fail(purpose_, code);
}

void SqliteStatement::run() {
  while (step()) {
  }
}

std::string SqliteStatement::text(int column) const {
  const auto* bytes = sqlite3_column_text(statement_, column);
  if (bytes == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(bytes),
                     static_cast<size_t>(sqlite3_column_bytes(statement_, column)));
}

std::optional<std::string> SqliteStatement::optional_text(int column) const {
  if (sqlite3_column_type(statement_, column) == SQLITE_NULL) return std::nullopt;
  return text(column);
}

std::int64_t SqliteStatement::integer(int column) const {
  return sqlite3_column_int64(statement_, column);
}

std::optional<std::int64_t> SqliteStatement::optional_integer(int column) const {
  if (sqlite3_column_type(statement_, column) == SQLITE_NULL) return std::nullopt;
  return integer(column);
}

double SqliteStatement::real(int column) const {
  return sqlite3_column_double(statement_, column);
}

support::Timestamp SqliteStatement::timestamp(int column) const {
  const std::string value = text(column);
  const auto parsed = support::parse_iso8601(value);
  if (!parsed) {
    throw support::StoreError("SQLite database " + connection_.path() + ": cannot " + purpose_ +
                              ": column '" + sqlite3_column_name(statement_, column) + "' holds '" + value +
                              "', not a timestamp");
  }
  return *parsed;
}

std::optional<support::Timestamp> SqliteStatement::optional_timestamp(int column) const {
  if (sqlite3_column_type(statement_, column) == SQLITE_NULL) return std::nullopt;
  return timestamp(column);
}

SqliteConnection::SqliteConnection(const std::string& path) : path_(path) {
  const std::string prefix = "cannot open SQLite database " + path + ": ";
  if (path != ":memory:") {
    const auto parent = std::filesystem::path(path).parent_path();
    std::error_code error;
    if (!parent.empty()) std::filesystem::create_directories(parent, error);
    if (error)
      throw support::StoreError(prefix + "cannot create folder " + parent.string() + ": " + error.message());
  }
  const int code =
      sqlite3_open_v2(path.c_str(), &database_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (code != SQLITE_OK) {
    const std::string reason = database_ != nullptr ? sqlite3_errmsg(database_) : sqlite3_errstr(code);
    sqlite3_close(database_);
    database_ = nullptr;
    throw support::StoreError(prefix + reason);
  }
  sqlite3_extended_result_codes(database_, 1);
  if (register_sqlite_functions(database_) != SQLITE_OK) close_and_throw(prefix);
  configure(prefix, "PRAGMA busy_timeout = 10000");
  configure(prefix, "PRAGMA foreign_keys = ON");
  if (path != ":memory:") switch_to_wal(prefix);
  configure(prefix, "PRAGMA synchronous = NORMAL");
  // A 16 MiB page cache (the default is 2 MiB): a large import otherwise re-reads and rewrites the
  // same index pages through the kernel on every batch (import of 100 000 bookmarks: 19 s → 15 s,
  // system time halved; 32 MiB gained little more and pushed peak RSS towards 60 MiB).
  configure(prefix, "PRAGMA cache_size = -16384");
  // Checkpoint every 8192 pages (32 MiB of WAL) instead of 1000: each import batch rewrites most of
  // the random unique_hash index, so the default checkpointed (and fsynced) after every batch.
  // Import of 100 000 bookmarks: 3.1 s → 2.65 s, and time now grows linearly with the file.
  configure(prefix, "PRAGMA wal_autocheckpoint = 8192");
}

void SqliteConnection::switch_to_wal(const std::string& error_prefix) {
  // Two processes switching one new file at once both hold a shared lock and want the exclusive
  // one: SQLite answers one of them SQLITE_BUSY at once, without the busy timeout, as waiting
  // would deadlock. The other finishes its switch in milliseconds, so trying again succeeds.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  int code = SQLITE_OK;
  while ((code = sqlite3_exec(database_, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr)) ==
             SQLITE_BUSY &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (code != SQLITE_OK) close_and_throw(error_prefix);
}

void SqliteConnection::configure(const std::string& error_prefix, const char* pragma) {
  if (sqlite3_exec(database_, pragma, nullptr, nullptr, nullptr) != SQLITE_OK) close_and_throw(error_prefix);
}

void SqliteConnection::close_and_throw(const std::string& error_prefix) {
  const std::string reason = sqlite3_errmsg(database_);
  sqlite3_close(database_);
  database_ = nullptr;
  throw support::StoreError(error_prefix + reason);
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, cached] : cache_) sqlite3_finalize(cached->statement);
  sqlite3_close(database_);
}

SqliteStatement SqliteConnection::prepare(const char* purpose, const std::string& sql) {
  auto& cached = cache_[sql];
  if (cached && !cached->in_use) {
    cached->in_use = true;
    return SqliteStatement(*this, cached->statement, false, &cached->in_use, purpose);
  }
  sqlite3_stmt* statement = nullptr;
  const int code = sqlite3_prepare_v3(database_, sql.c_str(), static_cast<int>(sql.size() + 1),
                                      SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
  if (code != SQLITE_OK) {
    if (!cached) cache_.erase(sql);
    fail(purpose, code);
  }
  if (cached) {
    // The cached copy is being stepped by an outer caller (a nested query): use a private one.
    return SqliteStatement(*this, statement, true, nullptr, purpose);
  }
  cached = std::make_unique<CachedStatement>();
  cached->statement = statement;
  cached->in_use = true;
  return SqliteStatement(*this, statement, false, &cached->in_use, purpose);
}

void SqliteConnection::execute(const char* purpose, const std::string& sql) {
  const int code = sqlite3_exec(database_, sql.c_str(), nullptr, nullptr, nullptr);
  if (code != SQLITE_OK) fail(purpose, code);
}

void SqliteConnection::rollback_quietly() {
  if (sqlite3_get_autocommit(database_) == 0) sqlite3_exec(database_, "ROLLBACK", nullptr, nullptr, nullptr);
}

std::int64_t SqliteConnection::changes() const {
  return sqlite3_changes64(database_);
}

std::int64_t SqliteConnection::last_insert_id() const {
  return sqlite3_last_insert_rowid(database_);
}

void SqliteConnection::fail(const char* purpose, int code) const {
  const std::string message =
      "SQLite database " + path_ + ": cannot " + purpose + ": " + sqlite3_errmsg(database_);
  if ((code & 0xff) == SQLITE_CONSTRAINT) throw support::ConstraintError(message);
  throw support::StoreError(message);
}

}  // namespace pebble::store
