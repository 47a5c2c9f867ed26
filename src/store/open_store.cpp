#include "store/open_store.h"

#include <array>
#include <filesystem>
#include <string_view>
#include <utility>

#include "store/postgres_module.h"
#include "store/sqlite_store.h"
#include "support/error.h"
#include "support/module_loader.h"

namespace pebble::store {

namespace {

// Maps a URL prefix to the implementation that opens the rest of it (ccache-style scheme table).
struct SchemeEntry {
  std::string_view prefix;
  bool keep_prefix;  // libpq wants the whole URI; SQLite wants only the path
  std::unique_ptr<Store> (*open)(const std::string&, const StoreOptions&);
};

std::unique_ptr<Store> open_postgres(const std::string& uri, const StoreOptions& options) {
  return postgres_module().open(uri, options);
}

void check_sqlite_file_exists(const std::string& path) {
  std::error_code error;
  if (path != ":memory:" && !std::filesystem::exists(path, error)) {
    throw support::StoreError("SQLite database " + path +
                              " does not exist (only commands that add data create one)");
  }
}

std::unique_ptr<Store> open_sqlite(const std::string& path, const StoreOptions& options) {
  if (options.must_exist) check_sqlite_file_exists(path);
  return open_sqlite_store(path, options.clock.get());
}

// Order matters: `sqlite:///abs` loses only `sqlite://`, keeping the path's leading '/'.
constexpr std::array<SchemeEntry, 4> kSchemes{{
    {"postgresql://", true, open_postgres},
    {"postgres://", true, open_postgres},
    {"sqlite://", false, open_sqlite},
    {"sqlite:", false, open_sqlite},
}};

// The scheme entry for `url` and what its opener receives; a bare file path opens as SQLite.
std::pair<SchemeEntry, std::string> resolve(const std::string& url) {
  if (url.empty()) throw support::UsageError("empty database URL");
  for (const SchemeEntry& entry : kSchemes) {
    if (!url.starts_with(entry.prefix)) continue;
    const std::string rest = entry.keep_prefix ? url : url.substr(entry.prefix.size());
    if (rest.empty()) throw support::UsageError("database URL '" + url + "' names no database");
    return {entry, rest};
  }
  const auto scheme_end = url.find("://");
  if (scheme_end != std::string::npos) {
    throw support::UsageError("unknown database URL scheme '" + url.substr(0, scheme_end) +
                              "' (use sqlite:PATH or postgresql://…)");
  }
  return {SchemeEntry{"", false, open_sqlite}, url};
}

}  // namespace

void check_store_exists(const std::string& url) {
  if (const auto file = sqlite_file_of(url)) check_sqlite_file_exists(*file);
}

std::unique_ptr<Store> open_store(const std::string& url, const StoreOptions& options) {
  const auto [entry, rest] = resolve(url);
  return entry.open(rest, options);
}

const PostgresModule& postgres_module() {
  static const PostgresModule& module =
      support::module_table<PostgresModule>("postgres", kPostgresModuleEntry);
  return module;
}

std::optional<std::string> sqlite_file_of(const std::string& url) {
  const auto [entry, rest] = resolve(url);
  if (entry.open != open_sqlite || rest == ":memory:") return std::nullopt;
  return rest;
}

}  // namespace pebble::store
