#include "store/sqlite_functions.h"

#include <string>
#include <string_view>

#include "store/reader_text.h"

namespace pebble::store {

namespace {

std::string_view text_argument(sqlite3_value* value) {
  const auto* bytes = reinterpret_cast<const char*>(sqlite3_value_text(value));
  return bytes == nullptr ? std::string_view()
                          : std::string_view(bytes, static_cast<std::size_t>(sqlite3_value_bytes(value)));
}

// pebble_reader_text(value, type): NULL stays NULL, as an absent summary indexes nothing.
void reader_text_function(sqlite3_context* context, int, sqlite3_value** arguments) {
  if (sqlite3_value_type(arguments[0]) == SQLITE_NULL) {
    sqlite3_result_null(context);
    return;
  }
  const std::string_view value = text_argument(arguments[0]);
  const std::string text = reader_text(value, text_argument(arguments[1]));
  sqlite3_result_text64(context, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

}  // namespace

int register_sqlite_functions(sqlite3* database) {
  // Deterministic, so SQLite may use it in indexes and views; innocuous (no side effects), so a
  // schema calling it works with trusted_schema off.
  return sqlite3_create_function_v2(database, "pebble_reader_text", 2,
                                    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                    reader_text_function, nullptr, nullptr, nullptr);
}

}  // namespace pebble::store
