#include "metrics/catalogue.h"

#include <regex>
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "support/test_env.h"

using namespace pebble::metrics;

namespace {

// Metric family names named in SPEC §8 before the Push paragraph (tables and the on-demand list).
std::set<std::string> spec_family_names() {
  std::string spec = pebble::test::read_file(pebble::test::shared_dir() + "/SPEC.md");
  auto start = spec.find("## 8. Metrics");
  auto end = spec.find("**Push**", start);
  REQUIRE(start != std::string::npos);
  REQUIRE(end != std::string::npos);
  std::string section = spec.substr(start, end - start);
  std::set<std::string> names;
  std::regex backticked("`([^`]+)`");
  std::regex metric_name("[a-z][a-z0-9_]*_[a-z0-9_]*");
  for (std::sregex_iterator it(section.begin(), section.end(), backticked), last; it != last; ++it) {
    std::string token = (*it)[1];
    token = token.substr(0, token.find('{'));
    if (token.rfind("_", 0) == 0) token = "pebble_model" + token;  // `_updates_total` shorthand
    if (std::regex_match(token, metric_name)) names.insert(token);
  }
  return names;
}

}  // namespace

TEST_CASE("catalogue names are unique, valid and typed by suffix", "[metrics]") {
  std::set<std::string_view> seen;
  std::regex valid_name("[a-zA-Z_][a-zA-Z0-9_]*");
  for (const FamilyDef* family : all_families()) {
    INFO(family->name);
    CHECK(seen.insert(family->name).second);
    CHECK(std::regex_match(std::string(family->name), valid_name));
    bool ends_total = family->name.ends_with("_total");
    CHECK(ends_total == (family->kind == MetricKind::kCounter));
    CHECK_FALSE(family->help.empty());
    CHECK(family->help.find_first_of("\\\n") == std::string_view::npos);
    for (std::string_view label : family->label_names) {
      CHECK(std::regex_match(std::string(label), valid_name));
      CHECK(label != "le");
      CHECK_FALSE(label.starts_with("__"));
      if (family->origin == MetricOrigin::kRecorded) CHECK(label != "command");
    }
    if (family->kind == MetricKind::kHistogram) {
      REQUIRE_FALSE(family->buckets.empty());
      for (std::size_t index = 1; index < family->buckets.size(); ++index) {
        CHECK(family->buckets[index - 1] < family->buckets[index]);
      }
    } else {
      CHECK(family->buckets.empty());
    }
    CHECK(find_family(family->name) == family);
  }
  CHECK(find_family("no_such_family") == nullptr);
}

TEST_CASE("every family SPEC §8 names is in the catalogue", "[metrics]") {
  auto names = spec_family_names();
  CHECK(names.size() >= 30);
  for (const std::string& name : names) {
    INFO(name);
    CHECK(find_family(name) != nullptr);
  }
  for (const char* name : {"process_cpu_seconds_total", "process_resident_memory_bytes",
                           "process_virtual_memory_bytes", "process_open_fds", "process_max_fds",
                           "process_start_time_seconds", "pebble_metrics_dropped_series_total"}) {
    INFO(name);
    CHECK(find_family(name) != nullptr);
  }
}

TEST_CASE("feed poll buckets are SPEC's", "[metrics]") {
  std::vector<double> buckets(metric::kFeedPollDurationSeconds.buckets.begin(),
                              metric::kFeedPollDurationSeconds.buckets.end());
  CHECK(buckets == std::vector<double>{0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30});
}

TEST_CASE("switches gate families", "[metrics]") {
  pebble::config::MetricsSettings settings;
  CHECK(family_enabled(metric::kFeedPollsTotal, settings));
  settings.collect_feed = false;
  CHECK_FALSE(family_enabled(metric::kFeedPollsTotal, settings));
  CHECK(family_enabled(metric::kBookmarkOperationsTotal, settings));
  settings.collect_bookmark = false;
  CHECK_FALSE(family_enabled(metric::kImportJobDurationSeconds, settings));
  CHECK(family_enabled(metric::kBookmarkCountByUser, settings));
  settings.collect_user = false;
  CHECK_FALSE(family_enabled(metric::kBookmarkCountByUser, settings));
  CHECK(family_enabled(metric::kJobLastRunSuccess, settings));
  settings.enabled = false;
  CHECK_FALSE(family_enabled(metric::kJobLastRunSuccess, settings));
}

TEST_CASE("command bits name the batch commands", "[metrics]") {
  CHECK(command_bit("poll-feeds") == kPollFeedsBit);
  CHECK(command_bit("test-metrics") == kTestMetricsBit);
  CHECK(command_bit("serve") == kNoCommand);
  CHECK((metric::kFeedPollsTotal.recorded_by & kImportBit) == 0);
  CHECK((metric::kPushgatewayPushFailuresTotal.recorded_by & kExportBit) != 0);
}
