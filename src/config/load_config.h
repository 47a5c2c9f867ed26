#pragma once
// Builds the one typed Config of a run from defaults, the environment and the command-line flags.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"

namespace pebble::config {

// A snapshot of the process environment; captured once in main so nothing else calls getenv.
using Environment = std::map<std::string, std::string>;

// The current process environment.
Environment capture_environment();

// The global flags as given on the command line (unset when absent).
struct GlobalFlags {
  std::optional<std::string> database;
  std::optional<std::string> pushgateway;
  std::optional<std::string> user;
  std::optional<std::string> log_level;
  std::optional<std::string> log_format;
  int verbosity = 0;  // number of -v minus number of -q
  bool no_progress = false;
  bool push_required = false;
  std::vector<std::string> push_grouping;  // each KEY=VALUE, in order
};

// Applies flag > environment > default; throws UsageError naming the flag or variable at fault.
Config load_config(const GlobalFlags& flags, const Environment& environment, bool stderr_is_tty);

// The default SQLite URL: $XDG_DATA_HOME/pebble/pebble.db, else ~/.local/share/pebble/pebble.db.
std::string default_database_url(const Environment& environment);

// The log format the flags and environment ask for, kText when they name none or an invalid one:
// for the error line of a run that fails before its Config exists (a bad flag, a bad --user).
support::LogFormat requested_log_format(const GlobalFlags& flags, const Environment& environment);

}  // namespace pebble::config
