#pragma once
// Private to the sqlite_*.cpp files: an RAII SQLite connection with a prepared-statement cache and
// typed bind/column helpers. Every failure becomes a StoreError naming the purpose and the file.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <sqlite3.h>

#include "support/time.h"

namespace pebble::store {

class SqliteConnection;

// A prepared statement in use: binds by position (1-based), steps, reads columns, and resets itself
// when it goes out of scope so the cached statement can be reused.
class SqliteStatement {
 public:
  SqliteStatement(SqliteConnection& connection, sqlite3_stmt* statement, bool owned, bool* in_use,
                  const char* purpose);
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  ~SqliteStatement();

  // Binds every argument in order, starting at parameter 1.
  template <typename... Values>
  SqliteStatement& bind_all(const Values&... values) {
    int index = 1;
    (bind(index++, values), ...);
    return *this;
  }
  // Typed binds; nullopt binds SQL NULL, a Timestamp binds its ISO text, a bool binds 0/1.
  void bind(int index, const std::string& value);
  void bind(int index, const char* value);
  void bind(int index, std::int64_t value);
  void bind(int index, int value);
  void bind(int index, double value);
  void bind(int index, bool value);
  void bind(int index, support::Timestamp value);
  void bind(int index, std::nullopt_t);
  // Binds the value or NULL.
  template <typename Value>
  void bind(int index, const std::optional<Value>& value) {
    if (value) {
      bind(index, *value);
    } else {
      bind(index, std::nullopt);
    }
  }

  // Advances to the next row; false when the statement is done.
  bool step();
  // Runs a statement that returns no rows.
  void run();

  // Column readers (0-based); the optional forms return nullopt for NULL.
  std::string text(int column) const;
  std::optional<std::string> optional_text(int column) const;
  std::int64_t integer(int column) const;
  std::optional<std::int64_t> optional_integer(int column) const;
  double real(int column) const;
  bool boolean(int column) const { return integer(column) != 0; }
  support::Timestamp timestamp(int column) const;
  std::optional<support::Timestamp> optional_timestamp(int column) const;

 private:
  SqliteConnection& connection_;
  sqlite3_stmt* statement_;
  bool owned_;
  bool* in_use_;
  const char* purpose_;
};

// One open database handle; not thread-safe, like the Store that owns it.
class SqliteConnection {
 public:
  // Opens (creating) the database at `path`; ":memory:" is private and in-memory.
  explicit SqliteConnection(const std::string& path);
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;
  ~SqliteConnection();

  // A ready statement for `sql`, from the cache when it is not already being stepped.
  SqliteStatement prepare(const char* purpose, const std::string& sql);
  // Runs one or more statements without parameters (pragmas, schema, BEGIN/COMMIT).
  void execute(const char* purpose, const std::string& sql);
  // Ends the open transaction, if any, ignoring errors (the error being handled matters more).
  void rollback_quietly();
  // Rows changed by the last INSERT/UPDATE/DELETE.
  std::int64_t changes() const;
  // The id of the last inserted row.
  std::int64_t last_insert_id() const;
  // Throws StoreError (ConstraintError for SQLITE_CONSTRAINT) for result code `code`.
  [[noreturn]] void fail(const char* purpose, int code) const;
  // The database path as given, for error messages.
  const std::string& path() const { return path_; }

 private:
  // A cached statement and whether a live SqliteStatement currently uses it.
  struct CachedStatement {
    sqlite3_stmt* statement = nullptr;
    bool in_use = false;
  };

  // Runs a setup pragma while opening; on failure closes the handle and throws with `error_prefix`.
  void configure(const std::string& error_prefix, const char* pragma);
  // Puts the file in WAL mode, retrying while a concurrent opener is switching it too.
  void switch_to_wal(const std::string& error_prefix);
  // After a failed setup step: closes the handle and throws with SQLite's reason.
  [[noreturn]] void close_and_throw(const std::string& error_prefix);

  std::string path_;
  sqlite3* database_ = nullptr;
  std::map<std::string, std::unique_ptr<CachedStatement>> cache_;
};

}  // namespace pebble::store
