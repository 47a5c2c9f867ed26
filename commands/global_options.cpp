#include "global_options.h"

#include "config/values.h"
#include "store/open_store.h"
#include "support/error.h"
#include "support/version.h"

namespace pebble::cli {

namespace {

// A CLI11 validator from one of the strict value parsers: its message names the flag.
template <typename Parse>
CLI::Validator strict(Parse parse, const std::string& flag) {
  return CLI::Validator(
      [parse, flag](std::string& value) -> std::string {
        try {
          parse(value, flag);
          return {};
        } catch (const support::UsageError& error) {
          // CLI11 prefixes the flag name itself; drop ours so it is named once.
          const std::string message = error.what();
          const std::string prefix = flag + ": ";
          return message.starts_with(prefix) ? message.substr(prefix.size()) : message;
        }
      },
      "", "strict");
}

}  // namespace

void add_global_options(CLI::App& app, config::GlobalFlags& flags) {
  app.add_option("--database", flags.database,
                 "Store URL: sqlite:PATH, sqlite:///abs/path, sqlite::memory:, a file path, or "
                 "postgresql://… [env: PEBBLE_DATABASE_URL, DATABASE_URL]")
      ->type_name("URL")
      ->check(strict(config::check_database_url, "--database"));
  app.add_option("--pushgateway", flags.pushgateway,
                 "Pushgateway base URL; unset: no push [env: PEBBLE_PUSHGATEWAY_URL]")
      ->type_name("URL")
      ->check(strict(config::check_http_url, "--pushgateway"));
  app.add_flag("--push-required", flags.push_required,
               "Exit 1 when the push to the Pushgateway fails [env: PEBBLE_PUSH_REQUIRED]");
  app.add_option("--push-grouping", flags.push_grouping,
                 "Pushgateway grouping label after job and command, e.g. instance=web1 (repeatable; "
                 "the variable takes KEY=VALUE,KEY=VALUE) [env: PEBBLE_PUSH_GROUPING]")
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false)
      ->check(strict(
          [](const std::string& value, const std::string& flag) {
            config::GroupingLabels labels;
            config::add_push_grouping(labels, value, flag);
          },
          "--push-grouping"));
  app.add_option("--user", flags.user, "Owner of imported/exported bookmarks [env: PEBBLE_USER]")
      ->type_name("NAME");
  app.add_flag_function(
      "-v,--verbose", [&flags](std::int64_t count) { flags.verbosity += static_cast<int>(count); },
      "More log output (repeatable)");
  app.add_flag_function(
      "-q,--quiet", [&flags](std::int64_t count) { flags.verbosity -= static_cast<int>(count); },
      "Less log output (repeatable)");
  app.add_option("--log-level", flags.log_level,
                 "trace, debug, info, warn, error, critical or off [env: PEBBLE_LOG_LEVEL]")
      ->type_name("LEVEL")
      ->check(strict(config::parse_log_level, "--log-level"));
  app.add_option("--log-format", flags.log_format, "text or json [env: PEBBLE_LOG_FORMAT]")
      ->type_name("FORMAT")
      ->check(strict(config::parse_log_format, "--log-format"));
  app.add_flag("--no-progress", flags.no_progress, "No progress bars [env: PEBBLE_NO_PROGRESS]");
}

std::string version_text() {
  // libpq and libcurl are named as built against: asking them would load their modules, which
  // costs more than the rest of --version (support/module_loader.h).
  return std::string("pebble ") + support::version() + " (revision " + support::git_revision() + ")\n" +
         "SQLite " + store::sqlite_library_version() + "\n" + "libpq " + support::built_with_libpq() +
         " (built against; loaded for postgresql:// stores)\n" + "libcurl " + support::built_with_libcurl() +
         " (built against; loaded to fetch feeds and to push metrics)";
}

}  // namespace pebble::cli
