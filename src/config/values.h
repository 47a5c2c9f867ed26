#pragma once
// Strict parsers for configuration values; each error names the flag or variable it came from.
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "support/logging.h"

namespace pebble::config {

// true/false/1/0/yes/no/on/off in any case; anything else is a UsageError naming `source`.
bool parse_bool(std::string_view text, std::string_view source);

// A whole number >= minimum; anything else is a UsageError naming `source`.
std::int64_t parse_integer(std::string_view text, std::string_view source, std::int64_t minimum);

// A number of seconds (fractions allowed) > 0, e.g. "5" or "0.5".
std::chrono::milliseconds parse_seconds(std::string_view text, std::string_view source);

// A log level name (see log_level_from_name).
support::LogLevel parse_log_level(std::string_view text, std::string_view source);

// `text` or `json`.
support::LogFormat parse_log_format(std::string_view text, std::string_view source);

// The database URL after a scheme check: sqlite:…, postgresql://…, postgres://… or a bare path.
std::string check_database_url(std::string_view text, std::string_view source);

// An http:// or https:// base URL without a trailing '/'.
std::string check_http_url(std::string_view text, std::string_view source);

}  // namespace pebble::config
