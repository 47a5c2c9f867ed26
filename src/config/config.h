#pragma once
// The typed configuration of one pebble run (SPEC §1.1, §8): defaults < environment < flags.
// Only load_config reads the environment; everything else receives these values.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/model.h"
#include "support/logging.h"

namespace pebble::config {

// The metrics switches of SPEC §8, with the web app's names and defaults.
struct MetricsSettings {
  bool enabled = true;                        // PROMETHEUS_METRICS_ENABLED
  bool collect_feed = true;                   // COLLECT_FEED_METRICS
  bool collect_bookmark = true;               // COLLECT_BOOKMARK_METRICS
  bool collect_user = true;                   // COLLECT_USER_METRICS
  std::int64_t max_series_per_minute = 1000;  // MAX_METRICS_PER_MINUTE
};

// Settings shared by every subcommand.
struct Config {
  std::string database_url;                      // --database / PEBBLE_DATABASE_URL / DATABASE_URL
  std::optional<std::string> pushgateway_url;    // --pushgateway / PEBBLE_PUSHGATEWAY_URL
  std::chrono::milliseconds push_timeout{5000};  // PEBBLE_PUSH_TIMEOUT (seconds)
  bool push_required = false;                    // --push-required
  // --push-grouping / PEBBLE_PUSH_GROUPING: labels after job/pebble/command/<command> in the push
  // path, e.g. {{"instance", "web1"}}, so hosts with stores of their own keep groups of their own.
  std::vector<std::pair<std::string, std::string>> push_grouping;
  std::string user;                                           // --user / PEBBLE_USER / OS login name
  support::LogLevel log_level = support::LogLevel::kInfo;     // -v/-q, --log-level / PEBBLE_LOG_LEVEL
  support::LogFormat log_format = support::LogFormat::kText;  // --log-format / PEBBLE_LOG_FORMAT
  bool progress = false;  // on when stderr is a TTY, off with --no-progress
  MetricsSettings metrics;
  std::chrono::seconds poll_interval{1800};  // PEBBLE_POLL_INTERVAL
  bool deny_private_networks = false;        // PEBBLE_DENY_PRIVATE_NETWORKS
  domain::ItemRetention item_retention;      // PEBBLE_ITEM_RETENTION; unset keeps every item
  std::string temp_folder = "/tmp";          // TMPDIR: where `import -` copies stdin
  // PGCONNECT_TIMEOUT, libpq's own variable, passed on as is (libpq judges it); unset = pebble's 10 s.
  std::optional<std::string> postgres_connect_timeout;
};

}  // namespace pebble::config
