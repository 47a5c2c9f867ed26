#include "config/values.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "support/ascii_text.h"
#include "support/error.h"
#include "support/utf8.h"

namespace pebble::config {

namespace {

[[noreturn]] void reject(std::string_view source, std::string_view text, std::string_view expected) {
  throw support::UsageError(std::string(source) + ": invalid value '" + std::string(text) + "' (expected " +
                            std::string(expected) + ")");
}

}  // namespace

bool parse_bool(std::string_view text, std::string_view source) {
  const std::string value = support::ascii_lower(text);
  if (value == "true" || value == "1" || value == "yes" || value == "on") return true;
  if (value == "false" || value == "0" || value == "no" || value == "off") return false;
  reject(source, text, "true/false, 1/0, yes/no or on/off");
}

std::int64_t parse_integer(std::string_view text, std::string_view source, std::int64_t minimum) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < minimum) {
    reject(source, text, "a whole number >= " + std::to_string(minimum));
  }
  return value;
}

std::chrono::milliseconds parse_seconds(std::string_view text, std::string_view source) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || !std::isfinite(value) ||
      value <= 0 || value > 31536000) {
    reject(source, text, "a number of seconds > 0");
  }
  return std::chrono::milliseconds(static_cast<std::int64_t>(std::llround(value * 1000)));
}

support::LogLevel parse_log_level(std::string_view text, std::string_view source) {
  if (const auto level = support::log_level_from_name(text)) return *level;
  reject(source, text, "trace, debug, info, warn, error, critical or off");
}

support::LogFormat parse_log_format(std::string_view text, std::string_view source) {
  const std::string value = support::ascii_lower(text);
  if (value == "text") return support::LogFormat::kText;
  if (value == "json") return support::LogFormat::kJson;
  reject(source, text, "text or json");
}

std::string check_database_url(std::string_view text, std::string_view source) {
  if (text.empty()) reject(source, text, "sqlite:PATH, postgresql://… or a file path");
  const auto scheme_end = text.find("://");
  // `host=db password=…` would otherwise open a SQLite file named after the password. A first word
  // `KEY=` with no scheme is one; `sqlite:a=b.db` and `./a=b.db` name files.
  const auto equals = text.find('=');
  if (scheme_end == std::string_view::npos && !text.starts_with("sqlite:") &&
      equals != std::string_view::npos && equals > 0 && text.find_first_of(" /", 0) > equals) {
    throw support::UsageError(
        std::string(source) +
        ": a libpq keyword string is not a database URL (use postgresql://user@host/db)");
  }
  if (scheme_end != std::string_view::npos) {
    const std::string scheme = support::ascii_lower(text.substr(0, scheme_end));
    if (scheme != "sqlite" && scheme != "postgresql" && scheme != "postgres") {
      throw support::UsageError(std::string(source) + ": unknown database scheme '" + scheme +
                                "' (expected sqlite:PATH, postgresql://… or postgres://…)");
    }
  }
  return std::string(text);
}

std::string check_http_url(std::string_view text, std::string_view source) {
  const std::string value = support::ascii_lower(text.substr(0, 8));
  if (!(value.starts_with("http://") || value.starts_with("https://")) || text.size() <= 8) {
    reject(source, text, "an http:// or https:// URL");
  }
  std::string url(text);
  while (url.ends_with('/')) url.pop_back();
  return url;
}

void add_push_grouping(GroupingLabels& labels, std::string_view text, std::string_view source) {
  const auto equals = text.find('=');
  // The text is echoed in the message, so it is repaired first: a message is always valid UTF-8.
  const std::string shown = support::replace_invalid_utf8(text);
  if (equals == std::string_view::npos) reject(source, shown, "KEY=VALUE, e.g. instance=web1");
  std::string name(text.substr(0, equals));
  std::string value(text.substr(equals + 1));
  const bool valid_name = support::is_label_name(name);
  if (!valid_name) reject(source, shown, "KEY=VALUE with KEY a label name [a-zA-Z_][a-zA-Z0-9_]*");
  // job and command are pebble's own grouping labels; "__" names are reserved by Prometheus.
  if (name == "job" || name == "command" || name.starts_with("__")) {
    throw support::UsageError(std::string(source) + ": the label '" + name +
                              "' is reserved (pebble sets job and command; __ names belong to Prometheus)");
  }
  if (value.empty()) reject(source, shown, "KEY=VALUE with a non-empty VALUE");
  if (!support::is_valid_utf8(value)) {
    throw support::UsageError(std::string(source) + ": the value of label '" + name + "' is not valid UTF-8");
  }
  for (const auto& label : labels) {
    if (label.first == name)
      throw support::UsageError(std::string(source) + ": the label '" + name + "' is given twice");
  }
  labels.emplace_back(std::move(name), std::move(value));
}

GroupingLabels parse_push_grouping_list(std::string_view text, std::string_view source) {
  GroupingLabels labels;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto comma = std::min(text.find(',', start), text.size());
    add_push_grouping(labels, text.substr(start, comma - start), source);
    start = comma + 1;
  }
  return labels;
}

}  // namespace pebble::config
