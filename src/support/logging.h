#pragma once
// Logging to stderr through spdlog, as text for people or one JSON object per line for shippers.
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace pebble::support {

// Log verbosity, spdlog's levels by name.
enum class LogLevel { kTrace, kDebug, kInfo, kWarn, kError, kCritical, kOff };

// Log line format on stderr.
enum class LogFormat { kText, kJson };

// The level named `name` (trace, debug, info, warn/warning, error, critical, off; any case).
std::optional<LogLevel> log_level_from_name(std::string_view name);

// Installs the default logger: stderr only (stdout is for data), tagged with the subcommand.
void setup_logging(LogLevel level, LogFormat format, const std::string& command);

// Logs one event with structured fields (a JSON object: feed_url, status, http_status, error…).
// JSON lines carry each field as a top-level key beside a short `msg`, so shippers need no regex;
// text lines append them as key=value (quoted when they hold spaces), as Miniflux and slog print.
void log_event(LogLevel level, std::string_view message, const nlohmann::json& fields);

// A command's closing summary at info, so -q drops it (cron mails any output): `text` as it reads
// for a person in text mode; `message` with the summary's fields in JSON mode.
void log_summary(std::string_view text, std::string_view message, const nlohmann::json& fields);

// The one line a failed command leaves on stderr whatever the log level: "pebble CMD: message", or
// in JSON format an error record with `msg` and `exit_code`. Credentials in it are masked.
void log_fatal(LogFormat format, const std::string& command, std::string_view message, int exit_code);

}  // namespace pebble::support
