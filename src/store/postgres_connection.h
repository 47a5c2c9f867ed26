#pragma once
// Private to the postgres_*.cpp files: a thin RAII layer over libpq (PGconn, PGresult) with text
// parameters, null handling and SQLSTATE → ConstraintError mapping. Nothing else may include it.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <libpq-fe.h>

#include "support/time.h"

namespace pebble::store {

// Bound parameters, all sent as text (libpq infers nothing: the SQL casts where the type matters).
class Params {
 public:
  // Appends a text value.
  Params& text(std::string value);
  // Appends a text value or SQL NULL.
  Params& text(const std::optional<std::string>& value);
  // Appends an integer.
  Params& integer(std::int64_t value);
  // Appends an integer or SQL NULL.
  Params& integer(const std::optional<std::int64_t>& value);
  // Appends a float8 in its shortest round-trip text form.
  Params& real(double value);
  // Appends a boolean as `true`/`false`.
  Params& boolean(bool value);
  // Appends a text[] literal, each element quoted, so any text survives.
  Params& text_array(const std::vector<std::string>& values);
  // Appends a bigint[] literal.
  Params& integer_array(const std::vector<std::int64_t>& values);
  // Appends a timestamp as ISO text with microseconds and `Z`.
  Params& time(support::Timestamp value);
  // Appends a timestamp or SQL NULL.
  Params& time(const std::optional<support::Timestamp>& value);
  // The values in order; nullopt is NULL.
  const std::vector<std::optional<std::string>>& values() const { return values_; }

 private:
  std::vector<std::optional<std::string>> values_;
};

// One owned PGresult with typed, null-aware accessors by row and column.
class Result {
 public:
  explicit Result(PGresult* result) : result_(result) {}
  Result(Result&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
  Result& operator=(Result&& other) noexcept;
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;
  ~Result();

  // Rows returned.
  int rows() const;
  // Rows an INSERT/UPDATE/DELETE touched.
  std::int64_t affected() const;
  // Whether the value is SQL NULL.
  bool is_null(int row, int column) const;
  // The value as text ("" for NULL).
  std::string text(int row, int column) const;
  // The value as text, nullopt for NULL.
  std::optional<std::string> optional_text(int row, int column) const;
  // The value as a 64-bit integer; throws StoreError if not one.
  std::int64_t integer(int row, int column) const;
  // The value as an integer, nullopt for NULL.
  std::optional<std::int64_t> optional_integer(int row, int column) const;
  // The value as a double.
  double real(int row, int column) const;
  // A PostgreSQL boolean (`t`/`f`).
  bool boolean(int row, int column) const;
  // A timestamptz in its UTC text form; throws StoreError if unparseable.
  support::Timestamp time(int row, int column) const;
  // A timestamptz, nullopt for NULL.
  std::optional<support::Timestamp> optional_time(int row, int column) const;

 private:
  PGresult* result_;
};

// One owned PGconn. Every call names its purpose, which heads the error text on failure.
class Connection {
 public:
  // Connects; on failure throws StoreError naming the redacted URI and libpq's reason. A session
  // lost later is retried for `reconnect_window` (reconnect_if_lost). `connect_timeout` is the
  // seconds libpq waits for the server (PGCONNECT_TIMEOUT's value); nullopt means 10.
  Connection(const std::string& uri, std::chrono::seconds reconnect_window,
             const std::optional<std::string>& connect_timeout);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // Runs one parameterized statement (extended protocol).
  Result exec(std::string_view purpose, const std::string& sql, const Params& params = Params{});
  // After a failed statement: when the session is gone (server restart, idle kill), reconnects,
  // retrying for a few seconds while the server restarts, and returns true so an idempotent
  // statement may be retried; false when the connection is fine. Throws StoreError when the server
  // stays away.
  bool reconnect_if_lost();
  // host:port/database of the server, for error messages (never the password).
  std::string server() const;
  // Runs a parameterless script that may hold several statements (migrations, BEGIN/COMMIT).
  Result exec_script(std::string_view purpose, const std::string& sql);

 private:
  Result check(std::string_view purpose, PGresult* result);
  // Session settings every (re)connection needs.
  void configure_session();

  PGconn* connection_ = nullptr;
  std::chrono::seconds reconnect_window_;
  bool server_gone_ = false;  // the last reconnect gave up: the next one does not wait again
};

}  // namespace pebble::store
