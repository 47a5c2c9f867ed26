#include "config/load_config.h"

#include <catch2/catch.hpp>

#include "config/values.h"
#include "support/error.h"

using pebble::config::Config;
using pebble::config::Environment;
using pebble::config::GlobalFlags;
using pebble::config::load_config;
using pebble::support::UsageError;

namespace {

Config load(const GlobalFlags& flags, const Environment& environment) {
  return load_config(flags, environment, false);
}

// The message a UsageError carries, or "" when none is thrown.
template <typename Callable>
std::string usage_error_of(Callable&& callable) {
  try {
    callable();
  } catch (const UsageError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("booleans accept the SPEC's spellings in any case", "[config]") {
  for (const char* text : {"true", "TRUE", "1", "yes", "Yes", "on", "ON"}) {
    CHECK(pebble::config::parse_bool(text, "X"));
  }
  for (const char* text : {"false", "False", "0", "no", "NO", "off", "Off"}) {
    CHECK_FALSE(pebble::config::parse_bool(text, "X"));
  }
  CHECK(usage_error_of([] { pebble::config::parse_bool("maybe", "COLLECT_FEED_METRICS"); }) ==
        "COLLECT_FEED_METRICS: invalid value 'maybe' (expected true/false, 1/0, yes/no or on/off)");
}

TEST_CASE("integers and seconds are strict", "[config]") {
  CHECK(pebble::config::parse_integer("42", "N", 1) == 42);
  CHECK_THROWS_AS(pebble::config::parse_integer("-1", "N", 0), UsageError);
  CHECK_THROWS_AS(pebble::config::parse_integer("4x", "N", 0), UsageError);
  CHECK_THROWS_AS(pebble::config::parse_integer("", "N", 0), UsageError);
  CHECK(pebble::config::parse_seconds("0.5", "T").count() == 500);
  CHECK_THROWS_AS(pebble::config::parse_seconds("0", "T"), UsageError);
  CHECK_THROWS_AS(pebble::config::parse_seconds("nan", "T"), UsageError);
}

TEST_CASE("database URL: flag beats PEBBLE_DATABASE_URL beats DATABASE_URL beats the XDG default",
          "[config]") {
  Environment environment{{"HOME", "/home/ann"}, {"USER", "ann"}};
  CHECK(load({}, environment).database_url == "sqlite:/home/ann/.local/share/pebble/pebble.db");
  environment["XDG_DATA_HOME"] = "/data";
  CHECK(load({}, environment).database_url == "sqlite:/data/pebble/pebble.db");
  environment["DATABASE_URL"] = "postgres://db/one";
  CHECK(load({}, environment).database_url == "postgres://db/one");
  environment["PEBBLE_DATABASE_URL"] = "sqlite:/tmp/two.db";
  CHECK(load({}, environment).database_url == "sqlite:/tmp/two.db");
  GlobalFlags flags;
  flags.database = "postgresql://db/three";
  CHECK(load(flags, environment).database_url == "postgresql://db/three");
}

TEST_CASE("an unknown database scheme names its source", "[config]") {
  const Environment environment{{"USER", "ann"}, {"PEBBLE_DATABASE_URL", "mysql://db/x"}};
  CHECK(usage_error_of([&] { load({}, environment); }) ==
        "PEBBLE_DATABASE_URL: unknown database scheme 'mysql' (expected sqlite:PATH, postgresql://… or "
        "postgres://…)");
}

TEST_CASE("log level: --log-level beats -v/-q beats PEBBLE_LOG_LEVEL", "[config]") {
  Environment environment{{"USER", "ann"}, {"PEBBLE_LOG_LEVEL", "error"}};
  CHECK(load({}, environment).log_level == pebble::support::LogLevel::kError);
  GlobalFlags flags;
  flags.verbosity = 2;
  CHECK(load(flags, environment).log_level == pebble::support::LogLevel::kTrace);
  flags.verbosity = -1;
  CHECK(load(flags, environment).log_level == pebble::support::LogLevel::kWarn);
  flags.log_level = "DEBUG";
  CHECK(load(flags, environment).log_level == pebble::support::LogLevel::kDebug);
  environment["PEBBLE_LOG_LEVEL"] = "loud";
  CHECK(usage_error_of([&] { load({}, environment); }).starts_with("PEBBLE_LOG_LEVEL: invalid value 'loud'"));
}

TEST_CASE("user, pushgateway and progress follow flag > environment > default", "[config]") {
  Environment environment{{"USER", "ann"}};
  CHECK_FALSE(load({}, environment).pushgateway_url);
  CHECK(load_config({}, environment, true).progress);
  environment["PEBBLE_USER"] = "bob";
  environment["PEBBLE_PUSHGATEWAY_URL"] = "http://127.0.0.1:9091/";
  environment["PEBBLE_NO_PROGRESS"] = "yes";
  const Config config = load_config({}, environment, true);
  CHECK(config.user == "bob");
  CHECK(config.pushgateway_url == "http://127.0.0.1:9091");
  CHECK_FALSE(config.progress);
  GlobalFlags flags;
  flags.user = "carol";
  flags.pushgateway = "https://push.example";
  CHECK(load(flags, environment).user == "carol");
  CHECK(load(flags, environment).pushgateway_url == "https://push.example");
  environment["PEBBLE_PUSHGATEWAY_URL"] = "ftp://x";
  CHECK(usage_error_of([&] { load({}, environment); }).starts_with("PEBBLE_PUSHGATEWAY_URL: invalid value"));
}

TEST_CASE("metrics switches use the web app's names and defaults", "[config]") {
  Environment environment{{"USER", "ann"}};
  const Config defaults = load({}, environment);
  CHECK(defaults.metrics.enabled);
  CHECK(defaults.metrics.collect_feed);
  CHECK(defaults.metrics.collect_bookmark);
  CHECK(defaults.metrics.collect_user);
  CHECK(defaults.metrics.max_series_per_minute == 1000);
  environment["PROMETHEUS_METRICS_ENABLED"] = "off";
  environment["COLLECT_USER_METRICS"] = "0";
  environment["MAX_METRICS_PER_MINUTE"] = "50";
  const Config config = load({}, environment);
  CHECK_FALSE(config.metrics.enabled);
  CHECK_FALSE(config.metrics.collect_user);
  CHECK(config.metrics.max_series_per_minute == 50);
  environment["MAX_METRICS_PER_MINUTE"] = "-5";
  CHECK(usage_error_of([&] {
          load({}, environment);
        }).starts_with("MAX_METRICS_PER_MINUTE: invalid value '-5'"));
}

TEST_CASE("TMPDIR chooses the temporary folder, /tmp when unset or empty", "[config]") {
  Environment environment{{"USER", "ann"}};
  CHECK(load({}, environment).temp_folder == "/tmp");
  environment["TMPDIR"] = "";
  CHECK(load({}, environment).temp_folder == "/tmp");
  environment["TMPDIR"] = "/var/tmp/pebble";
  CHECK(load({}, environment).temp_folder == "/var/tmp/pebble");
}

TEST_CASE("PGCONNECT_TIMEOUT reaches the Config as is, for the store to hand to libpq", "[config]") {
  Environment environment{{"USER", "ann"}};
  CHECK_FALSE(load({}, environment).postgres_connect_timeout);
  environment["PGCONNECT_TIMEOUT"] = "3";
  CHECK(load({}, environment).postgres_connect_timeout == "3");
  environment["PGCONNECT_TIMEOUT"] = "";
  CHECK(load({}, environment).postgres_connect_timeout == "");
}
