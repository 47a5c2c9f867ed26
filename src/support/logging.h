#pragma once
// Logging to stderr through spdlog, as text for people or one JSON object per line for shippers.
#include <optional>
#include <string>
#include <string_view>

namespace pebble::support {

// Log verbosity, spdlog's levels by name.
enum class LogLevel { kTrace, kDebug, kInfo, kWarn, kError, kCritical, kOff };

// Log line format on stderr.
enum class LogFormat { kText, kJson };

// The level named `name` (trace, debug, info, warn/warning, error, critical, off; any case).
std::optional<LogLevel> log_level_from_name(std::string_view name);

// Installs the default logger: stderr only (stdout is for data), tagged with the subcommand.
void setup_logging(LogLevel level, LogFormat format, const std::string& command);

}  // namespace pebble::support
