#include "metrics/labels.h"

#include <cmath>

#include <catch2/catch.hpp>

#include "support/error.h"

using namespace pebble::metrics;

TEST_CASE("canonical labels follow the catalogue order and escape values", "[metrics]") {
  CHECK(canonical_labels(metric::kImportJobsTotal, {{"format", "netscape"}, {"status", "started"}}) ==
        R"(status="started",format="netscape")");
  CHECK(canonical_labels(metric::kFeedItemsDiscoveredTotal, {}) == "");
  CHECK(canonical_labels(metric::kExportItemsTotal, {{"format", "a\\b\"c\nd"}}) == R"(format="a\\b\"c\nd")");
}

TEST_CASE("label names must be exactly the family's", "[metrics]") {
  CHECK_THROWS_AS(canonical_labels(metric::kImportJobsTotal, {{"status", "started"}}),
                  pebble::support::Error);
  CHECK_THROWS_AS(canonical_labels(metric::kImportJobsTotal, {{"status", "x"}, {"status", "y"}}),
                  pebble::support::Error);
  CHECK_THROWS_AS(canonical_labels(metric::kFeedPollsTotal, {{"feed_id", "7"}}), pebble::support::Error);
  CHECK_THROWS_AS(canonical_labels(metric::kFeedItemsDiscoveredTotal, {{"status", "x"}}),
                  pebble::support::Error);
}

TEST_CASE("label text parses back to the same pairs", "[metrics]") {
  LabelPairs labels{{"status", "a\\b\"c\nd,e=f"}, {"format", ""}};
  std::string text = format_labels(labels);
  CHECK(parse_labels(text) == labels);
  CHECK(parse_labels("").empty());
  CHECK(parse_labels(R"(a="1",)") == LabelPairs{{"a", "1"}});
  CHECK_THROWS_AS(parse_labels(R"(a="1)"), pebble::support::Error);
  CHECK_THROWS_AS(parse_labels(R"(a=1)"), pebble::support::Error);
  CHECK_THROWS_AS(parse_labels(R"(a="1"b="2")"), pebble::support::Error);
  CHECK_THROWS_AS(parse_labels(R"(a="\t")"), pebble::support::Error);
  CHECK_THROWS_AS(parse_labels(R"(9a="1")"), pebble::support::Error);
}

TEST_CASE("bucket bounds have one text form", "[metrics]") {
  CHECK(bucket_bound_text(0.05) == "0.05");
  CHECK(bucket_bound_text(1) == "1");
  CHECK(bucket_bound_text(30) == "30");
  CHECK(bucket_bound_text(INFINITY) == "+Inf");
  CHECK(*parse_bucket_bound("0.05") == 0.05);
  CHECK(std::isinf(*parse_bucket_bound("+Inf")));
  CHECK(*parse_bucket_bound("1e-3") == 0.001);
  CHECK_FALSE(parse_bucket_bound("fast"));
  CHECK_FALSE(parse_bucket_bound("1s"));
  CHECK_FALSE(parse_bucket_bound("NaN"));
}
