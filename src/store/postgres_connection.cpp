#include "store/postgres_connection.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstring>
#include <memory>
#include <system_error>
#include <thread>

#include "store/open_store.h"
#include "store/stored_time.h"
#include "support/error.h"
#include "support/redact.h"

namespace pebble::store {

namespace {

constexpr std::string_view kUniqueViolation = "23505";
constexpr std::string_view kForeignKeyViolation = "23503";
constexpr const char* kDefaultConnectTimeoutSeconds = "10";

// The first line of a libpq message, without the trailing newline or the "ERROR:  " severity.
std::string first_line(const char* message) {
  std::string line = message == nullptr ? "" : message;
  const auto newline = line.find('\n');
  if (newline != std::string::npos) line.erase(newline);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
  for (const std::string_view severity : {"ERROR:", "FATAL:"}) {
    if (line.starts_with(severity)) line.erase(0, line.find_first_not_of(' ', severity.size()));
  }
  return line.empty() ? "unknown error" : line;
}

// libpq's message with the secrets of `uri` out: libpq echoes what it cannot parse, the whole URL
// (`…@[::1/db`) or the token (`invalid percent-encoded token: "S3cr3t%zz"`), so the URL is replaced
// by its redaction and the password, found by string, is scrubbed wherever else it shows.
std::string without_secrets(std::string message, const std::string& uri) {
  const std::string redacted = support::redact_whole_url(uri);
  for (auto at = message.find(uri); at != std::string::npos; at = message.find(uri, at + redacted.size()))
    message.replace(at, uri.size(), redacted);
  return support::redact_credentials(support::scrub(std::move(message), support::secret_in_url(uri)));
}

}  // namespace

Params& Params::text(std::string value) {
  values_.emplace_back(std::move(value));
  return *this;
}

Params& Params::text(const std::optional<std::string>& value) {
  values_.push_back(value);
  return *this;
}

Params& Params::integer(std::int64_t value) {
  return text(std::to_string(value));
}

Params& Params::integer(const std::optional<std::int64_t>& value) {
  if (!value) return text(std::optional<std::string>{});
  return integer(*value);
}

Params& Params::real(double value) {
  char buffer[64];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (error != std::errc{}) throw support::StoreError("cannot format number for PostgreSQL");
  return text(std::string(buffer, end));
}

Params& Params::boolean(bool value) {
  return text(std::string(value ? "true" : "false"));
}

Params& Params::text_array(const std::vector<std::string>& values) {
  std::string literal = "{";
  for (const std::string& value : values) {
    if (literal.size() > 1) literal += ',';
    literal += '"';
    for (const char character : value) {
      if (character == '"' || character == '\\') literal += '\\';
      literal += character;
    }
    literal += '"';
  }
  return text(literal + "}");
}

Params& Params::integer_array(const std::vector<std::int64_t>& values) {
  std::string literal = "{";
  for (const std::int64_t value : values) {
    if (literal.size() > 1) literal += ',';
    literal += std::to_string(value);
  }
  return text(literal + "}");
}

Params& Params::time(support::Timestamp value) {
  return text(support::format_iso_micros(clamp_to_stored_range(value)));
}

Params& Params::time(const std::optional<support::Timestamp>& value) {
  if (!value) return text(std::optional<std::string>{});
  return time(*value);
}

Result& Result::operator=(Result&& other) noexcept {
  if (this != &other) {
    if (result_ != nullptr) PQclear(result_);
    result_ = other.result_;
    other.result_ = nullptr;
  }
  return *this;
}

Result::~Result() {
  if (result_ != nullptr) PQclear(result_);
}

int Result::rows() const {
  return PQntuples(result_);
}

std::int64_t Result::affected() const {
  const char* count = PQcmdTuples(result_);
  return count == nullptr || *count == '\0' ? 0 : std::stoll(count);
}

bool Result::is_null(int row, int column) const {
  return PQgetisnull(result_, row, column) != 0;
}

std::string Result::text(int row, int column) const {
  return std::string(PQgetvalue(result_, row, column),
                     static_cast<std::size_t>(PQgetlength(result_, row, column)));
}

std::optional<std::string> Result::optional_text(int row, int column) const {
  if (is_null(row, column)) return std::nullopt;
  return text(row, column);
}

std::int64_t Result::integer(int row, int column) const {
  const std::string value = text(row, column);
  std::int64_t number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (error != std::errc{} || end != value.data() + value.size()) {
    throw support::StoreError("PostgreSQL returned '" + value + "' where an integer was expected");
  }
  return number;
}

std::optional<std::int64_t> Result::optional_integer(int row, int column) const {
  if (is_null(row, column)) return std::nullopt;
  return integer(row, column);
}

double Result::real(int row, int column) const {
  const std::string value = text(row, column);
  double number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (error != std::errc{} || end != value.data() + value.size()) {
    throw support::StoreError("PostgreSQL returned '" + value + "' where a number was expected");
  }
  return number;
}

bool Result::boolean(int row, int column) const {
  return text(row, column) == "t";
}

support::Timestamp Result::time(int row, int column) const {
  const std::string value = text(row, column);
  const auto parsed = support::parse_iso8601(value);
  if (!parsed)
    throw support::StoreError("PostgreSQL returned '" + value + "' where a timestamp was expected");
  return *parsed;
}

std::optional<support::Timestamp> Result::optional_time(int row, int column) const {
  if (is_null(row, column)) return std::nullopt;
  return time(row, column);
}

Connection::Connection(const std::string& uri, std::chrono::seconds reconnect_window,
                       const std::optional<std::string>& connect_timeout)
    : reconnect_window_(reconnect_window) {
  // libpq waits for ever on a server that takes the connection but never answers (a hung host, a
  // half-open proxy), which would hang a cron job for good. Keywords are applied in order, so the
  // URL's own connect_timeout, coming after this one, still wins.
  const char* const keywords[] = {"connect_timeout", "dbname", nullptr};
  const char* const values[] = {connect_timeout ? connect_timeout->c_str() : kDefaultConnectTimeoutSeconds,
                                uri.c_str(), nullptr};
  connection_ = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
  if (connection_ == nullptr) {
    throw support::StoreError("cannot connect to PostgreSQL at " + support::redact_whole_url(uri) +
                              ": out of memory");
  }
  if (PQstatus(connection_) != CONNECTION_OK) {
    const std::string reason = without_secrets(first_line(PQerrorMessage(connection_)), uri);
    PQfinish(connection_);
    connection_ = nullptr;
    throw support::StoreError("cannot connect to PostgreSQL at " + support::redact_whole_url(uri) + ": " +
                              reason);
  }
  // libpq prints NOTICEs (e.g. "identifier will be truncated") to stderr; pebble owns stderr.
  PQsetNoticeProcessor(
      connection_, [](void*, const char*) {}, nullptr);
  configure_session();
}

void Connection::configure_session() {
  // Timestamps come back in the UTC text form parse_iso8601 reads, whatever the server's default.
  exec_script("set the session time zone", "SET TimeZone = 'UTC'");
}

bool Connection::reconnect_if_lost() {
  if (PQstatus(connection_) != CONNECTION_BAD) return false;
  // Once the server stayed away for a whole window, later calls (the caller's clean-up: marking a
  // job failed, recording the run) try once instead of waiting again.
  const auto window = server_gone_ ? std::chrono::seconds(0) : reconnect_window_;
  const auto deadline = std::chrono::steady_clock::now() + window;
  auto pause = std::chrono::milliseconds(100);
  while (true) {
    PQreset(connection_);  // same parameters and notice processor, a new session
    if (PQstatus(connection_) == CONNECTION_OK) break;
    if (std::chrono::steady_clock::now() + pause > deadline) {
      const std::string tried = window.count() == 0 ? "" : " for " + std::to_string(window.count()) + " s";
      server_gone_ = true;
      throw support::StoreError("cannot reconnect to PostgreSQL at " + server() + tried + ": " +
                                first_line(PQerrorMessage(connection_)));
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(2000));
  }
  server_gone_ = false;
  configure_session();
  return true;
}

std::string Connection::server() const {
  const char* host = PQhost(connection_);
  const char* port = PQport(connection_);
  const char* database = PQdb(connection_);
  std::string where = host != nullptr && *host != '\0' ? host : "localhost";
  if (where.find(':') != std::string::npos) where = "[" + where + "]";  // IPv6
  if (port != nullptr && *port != '\0') where += std::string(":") + port;
  if (database != nullptr && *database != '\0') where += std::string("/") + database;
  return where;
}

Connection::~Connection() {
  if (connection_ != nullptr) PQfinish(connection_);
}

Result Connection::exec(std::string_view purpose, const std::string& sql, const Params& params) {
  std::vector<const char*> values;
  values.reserve(params.values().size());
  for (const auto& value : params.values()) values.push_back(value ? value->c_str() : nullptr);
  return check(purpose, PQexecParams(connection_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                                     values.data(), nullptr, nullptr, 0));
}

Result Connection::exec_script(std::string_view purpose, const std::string& sql) {
  return check(purpose, PQexec(connection_, sql.c_str()));
}

Result Connection::check(std::string_view purpose, PGresult* raw) {
  Result result(raw);
  const ExecStatusType status = raw == nullptr ? PGRES_FATAL_ERROR : PQresultStatus(raw);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return result;
  const char* message = raw == nullptr ? PQerrorMessage(connection_) : PQresultErrorMessage(raw);
  std::string text = "PostgreSQL: cannot " + std::string(purpose) + ": " + first_line(message);
  // A lost session is about the server, not the statement: say which server.
  if (PQstatus(connection_) == CONNECTION_BAD) {
    text = "PostgreSQL at " + server() + ": connection lost: cannot " + std::string(purpose) + ": " +
           first_line(message);
  }
  const char* state = raw == nullptr ? nullptr : PQresultErrorField(raw, PG_DIAG_SQLSTATE);
  if (state != nullptr && (state == kUniqueViolation || state == kForeignKeyViolation)) {
    throw support::ConstraintError(text);
  }
  throw support::StoreError(text);
}

}  // namespace pebble::store
