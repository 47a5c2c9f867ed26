#include "config/load_config.h"

#include <algorithm>
#include <pwd.h>
#include <unistd.h>

#include "config/item_retention.h"
#include "config/values.h"
#include "support/error.h"
#include "support/utf8.h"

extern char** environ;

namespace pebble::config {

namespace {

std::optional<std::string> lookup(const Environment& environment, const std::string& name) {
  const auto found = environment.find(name);
  if (found == environment.end() || found->second.empty()) return std::nullopt;
  return found->second;
}

std::string os_login_name(const Environment& environment) {
  if (const passwd* entry = getpwuid(geteuid()); entry != nullptr && entry->pw_name != nullptr) {
    return entry->pw_name;
  }
  if (auto name = lookup(environment, "USER")) return *name;
  if (auto name = lookup(environment, "LOGNAME")) return *name;
  throw support::UsageError("--user: cannot determine the OS login name; pass --user or set PEBBLE_USER");
}

support::LogLevel shift_level(support::LogLevel level, int verbosity) {
  const int shifted =
      std::clamp(static_cast<int>(level) - verbosity, static_cast<int>(support::LogLevel::kTrace),
                 static_cast<int>(support::LogLevel::kOff));
  return static_cast<support::LogLevel>(shifted);
}

void load_metrics_settings(const Environment& environment, MetricsSettings& metrics) {
  const auto read_bool = [&](const char* name, bool& target) {
    if (auto value = lookup(environment, name)) target = parse_bool(*value, name);
  };
  read_bool("PROMETHEUS_METRICS_ENABLED", metrics.enabled);
  read_bool("COLLECT_FEED_METRICS", metrics.collect_feed);
  read_bool("COLLECT_BOOKMARK_METRICS", metrics.collect_bookmark);
  read_bool("COLLECT_USER_METRICS", metrics.collect_user);
  if (auto value = lookup(environment, "MAX_METRICS_PER_MINUTE")) {
    metrics.max_series_per_minute = parse_integer(*value, "MAX_METRICS_PER_MINUTE", 0);
  }
}

// The log format's text and where it came from: the flag wins over PEBBLE_LOG_FORMAT.
std::optional<std::pair<std::string, std::string>> log_format_text(const GlobalFlags& flags,
                                                                   const Environment& environment) {
  if (flags.log_format) return std::pair<std::string, std::string>{*flags.log_format, "--log-format"};
  if (auto value = lookup(environment, "PEBBLE_LOG_FORMAT"))
    return std::pair<std::string, std::string>{*value, "PEBBLE_LOG_FORMAT"};
  return std::nullopt;
}

}  // namespace

support::LogFormat requested_log_format(const GlobalFlags& flags, const Environment& environment) {
  const auto text = log_format_text(flags, environment);
  if (!text) return support::LogFormat::kText;
  try {
    return parse_log_format(text->first, text->second);
  } catch (const support::Error&) {
    return support::LogFormat::kText;
  }
}

Environment capture_environment() {
  Environment environment;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    const std::string pair(*entry);
    const auto equals = pair.find('=');
    if (equals != std::string::npos) environment.emplace(pair.substr(0, equals), pair.substr(equals + 1));
  }
  return environment;
}

std::string default_database_url(const Environment& environment) {
  if (auto data_home = lookup(environment, "XDG_DATA_HOME"))
    return "sqlite:" + *data_home + "/pebble/pebble.db";
  const std::string home = lookup(environment, "HOME").value_or(".");
  return "sqlite:" + home + "/.local/share/pebble/pebble.db";
}

Config load_config(const GlobalFlags& flags, const Environment& environment, bool stderr_is_tty) {
  Config config;

  if (flags.database) {
    config.database_url = check_database_url(*flags.database, "--database");
  } else if (auto value = lookup(environment, "PEBBLE_DATABASE_URL")) {
    config.database_url = check_database_url(*value, "PEBBLE_DATABASE_URL");
  } else if (auto fallback = lookup(environment, "DATABASE_URL")) {
    config.database_url = check_database_url(*fallback, "DATABASE_URL");
  } else {
    config.database_url = default_database_url(environment);
  }

  if (flags.pushgateway) {
    config.pushgateway_url = check_http_url(*flags.pushgateway, "--pushgateway");
  } else if (auto value = lookup(environment, "PEBBLE_PUSHGATEWAY_URL")) {
    config.pushgateway_url = check_http_url(*value, "PEBBLE_PUSHGATEWAY_URL");
  }
  if (auto value = lookup(environment, "PEBBLE_PUSH_TIMEOUT")) {
    config.push_timeout = parse_seconds(*value, "PEBBLE_PUSH_TIMEOUT");
  }
  config.push_required = flags.push_required;
  if (!flags.push_required) {
    if (auto value = lookup(environment, "PEBBLE_PUSH_REQUIRED")) {
      config.push_required = parse_bool(*value, "PEBBLE_PUSH_REQUIRED");
    }
  }

  if (!flags.push_grouping.empty()) {
    for (const std::string& text : flags.push_grouping)
      add_push_grouping(config.push_grouping, text, "--push-grouping");
  } else if (auto value = lookup(environment, "PEBBLE_PUSH_GROUPING")) {
    config.push_grouping = parse_push_grouping_list(*value, "PEBBLE_PUSH_GROUPING");
  }

  if (flags.user) {
    config.user = *flags.user;
  } else if (auto value = lookup(environment, "PEBBLE_USER")) {
    config.user = *value;
  } else {
    config.user = os_login_name(environment);
  }
  if (config.user.empty()) throw support::UsageError("--user: the user name must not be empty");
  // The name becomes a label value in /metrics, where one invalid byte makes Prometheus reject the
  // whole scrape.
  if (!support::is_valid_utf8(config.user))
    throw support::UsageError("--user: the user name is not valid UTF-8");

  if (flags.log_level) {
    config.log_level = parse_log_level(*flags.log_level, "--log-level");
  } else if (flags.verbosity != 0) {
    config.log_level = shift_level(support::LogLevel::kInfo, flags.verbosity);
  } else if (auto value = lookup(environment, "PEBBLE_LOG_LEVEL")) {
    config.log_level = parse_log_level(*value, "PEBBLE_LOG_LEVEL");
  }
  if (const auto text = log_format_text(flags, environment)) {
    config.log_format = parse_log_format(text->first, text->second);
  }

  config.progress = stderr_is_tty;
  if (flags.no_progress) {
    config.progress = false;
  } else if (auto value = lookup(environment, "PEBBLE_NO_PROGRESS")) {
    if (parse_bool(*value, "PEBBLE_NO_PROGRESS")) config.progress = false;
  }

  load_metrics_settings(environment, config.metrics);
  if (auto value = lookup(environment, "PEBBLE_POLL_INTERVAL")) {
    config.poll_interval = std::chrono::seconds(parse_integer(*value, "PEBBLE_POLL_INTERVAL", 1));
  }
  if (auto value = lookup(environment, "PEBBLE_DENY_PRIVATE_NETWORKS")) {
    config.deny_private_networks = parse_bool(*value, "PEBBLE_DENY_PRIVATE_NETWORKS");
  }
  if (auto value = lookup(environment, "PEBBLE_ITEM_RETENTION")) {
    config.item_retention = parse_item_retention(*value, "PEBBLE_ITEM_RETENTION");
  }
  if (auto value = lookup(environment, "TMPDIR")) config.temp_folder = *value;
  // Set but empty counts as set, as libpq sees it: pebble's default then does not apply.
  if (const auto found = environment.find("PGCONNECT_TIMEOUT"); found != environment.end()) {
    config.postgres_connect_timeout = found->second;
  }
  return config;
}

}  // namespace pebble::config
