#pragma once
// Strict parsers for configuration values; each error names the flag or variable it came from.
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

// Grouping labels of the push path after job and command, in order.
using GroupingLabels = std::vector<std::pair<std::string, std::string>>;

// Appends one Pushgateway grouping label, KEY=VALUE, to `labels`: KEY a label name
// ([a-zA-Z_][a-zA-Z0-9_]*, not `job`, `command` or `__…`, which pebble or Prometheus own, nor one
// already in `labels`), VALUE non-empty valid UTF-8.
void add_push_grouping(GroupingLabels& labels, std::string_view text, std::string_view source);

// A comma-separated list of KEY=VALUE (PEBBLE_PUSH_GROUPING), each as add_push_grouping.
GroupingLabels parse_push_grouping_list(std::string_view text, std::string_view source);

}  // namespace pebble::config
