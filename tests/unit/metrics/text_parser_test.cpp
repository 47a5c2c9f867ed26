#include "metrics/text_parser.h"

#include <cmath>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "metrics/catalogue.h"
#include "metrics/metrics_table.h"
#include "metrics/text_format.h"
#include "support/error.h"

using namespace pebble::metrics;

namespace {

// A histogram sample with buckets le=1: 10, le=2: 20 and `total` observations in all.
prometheus::ClientMetric histogram_metric(std::uint64_t total) {
  prometheus::ClientMetric metric;
  metric.label = {{"format", "opml"}};
  metric.histogram.sample_count = total;
  metric.histogram.sample_sum = 25.5;
  metric.histogram.bucket = {{10, 1}, {20, 2}, {total, INFINITY}};
  return metric;
}

std::vector<prometheus::MetricFamily> sample_families() {
  auto counter = empty_family(metric::kExportItemsTotal);
  prometheus::ClientMetric value;
  value.label = {{"command", "export"}, {"format", "we\"ird\\\nformat}"}};
  value.counter.value = 42;
  counter.metric.push_back(value);
  auto histogram = empty_family(metric::kImportJobDurationSeconds);
  histogram.metric.push_back(histogram_metric(20));
  auto gauge = empty_family(metric::kUsers);
  prometheus::ClientMetric users;
  users.gauge.value = 3;
  gauge.metric.push_back(users);
  return {counter, histogram, gauge, empty_family(metric::kTags)};
}

}  // namespace

TEST_CASE("rendered text parses back into the same families", "[metrics]") {
  auto parsed = parse_text(render_text(sample_families()));
  REQUIRE(parsed.size() == 4);
  CHECK(parsed[0].name == "export_items_total");
  CHECK(parsed[0].type == prometheus::MetricType::Counter);
  CHECK(parsed[0].help == metric::kExportItemsTotal.help);
  REQUIRE(parsed[0].metric.size() == 1);
  CHECK(parsed[0].metric[0].label[1].value == "we\"ird\\\nformat}");
  CHECK(parsed[0].metric[0].counter.value == 42);
  REQUIRE(parsed[1].metric.size() == 1);
  const auto& histogram = parsed[1].metric[0].histogram;
  CHECK(histogram.sample_count == 20);
  CHECK(histogram.sample_sum == 25.5);
  REQUIRE(histogram.bucket.size() == 3);
  CHECK(histogram.bucket[1].upper_bound == 2);
  CHECK(histogram.bucket[1].cumulative_count == 20);
  CHECK(std::isinf(histogram.bucket[2].upper_bound));
  CHECK(parsed[2].metric[0].gauge.value == 3);
  CHECK(parsed[3].metric.empty());
}

TEST_CASE("the parser accepts untyped samples and timestamps and names bad lines", "[metrics]") {
  auto parsed = parse_text("# a comment\nup 1 1700000000000\r\n\nweird{a=\"1\",} NaN\n");
  REQUIRE(parsed.size() == 2);
  CHECK(parsed[0].type == prometheus::MetricType::Untyped);
  CHECK(parsed[0].metric[0].untyped.value == 1);
  CHECK(std::isnan(parsed[1].metric[0].untyped.value));
  CHECK_THROWS_WITH(parse_text("ok 1\nbad{a=\"1\" 2\n"), Catch::Contains("line 2"));
  CHECK_THROWS_AS(parse_text("novalue\n"), pebble::support::Error);
  CHECK_THROWS_AS(parse_text("x one\n"), pebble::support::Error);
}

TEST_CASE("histogram quantiles interpolate like histogram_quantile", "[metrics]") {
  auto full = histogram_metric(20).histogram;
  CHECK(histogram_quantile(0.5, full) == Approx(1.0));
  CHECK(histogram_quantile(0.25, full) == Approx(0.5));
  CHECK(histogram_quantile(0.75, full) == Approx(1.5));
  auto overflowing = histogram_metric(30).histogram;
  CHECK(histogram_quantile(0.99, overflowing) == Approx(2.0));  // in +Inf: the highest finite bound
  CHECK(std::isnan(histogram_quantile(0.5, prometheus::ClientMetric::Histogram{})));
}

TEST_CASE("the table aligns columns and summarises histograms", "[metrics]") {
  std::string table = render_table(sample_families());
  CHECK(table.rfind("FAMILY", 0) == 0);
  CHECK(table.find("count=20 sum=25.5 p50=1 p90=1.8 p99=1.98") != std::string::npos);
  CHECK(table.find("pebble_tags") == std::string::npos);  // no samples, no row
  std::size_t labels_column = table.find("LABELS");
  std::size_t users_line = table.find("pebble_users");
  REQUIRE(users_line != std::string::npos);
  CHECK(table.substr(users_line + labels_column, 2) == "  ");  // no labels: blank column
  CHECK(table.find("3\n", users_line) == users_line + table.find("VALUE"));
}

TEST_CASE("JSON output carries values, buckets and quantiles", "[metrics]") {
  auto json = nlohmann::json::parse(render_json(sample_families()));
  REQUIRE(json.size() == 4);
  CHECK(json[0]["samples"][0]["value"] == 42);
  CHECK(json[0]["samples"][0]["labels"]["command"] == "export");
  CHECK(json[1]["type"] == "histogram");
  CHECK(json[1]["samples"][0]["buckets"][2]["le"] == "+Inf");
  CHECK(json[1]["samples"][0]["p50"] == 1.0);
  CHECK(json[3]["samples"].empty());
}
