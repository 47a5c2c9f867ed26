#pragma once
// Parsing Prometheus text format 0.0.4 back into prometheus-cpp families, for
// `metrics-show --url` (scraping serve or a Pushgateway) and for tests.
#include <string_view>
#include <vector>

#include <prometheus/metric_family.h>

namespace pebble::metrics {

// The families of `text` in order of first appearance; histogram `_bucket`/`_sum`/`_count`
// samples are folded into their family, samples without a TYPE become untyped families. Throws
// pebble::Error naming the line on malformed input.
std::vector<prometheus::MetricFamily> parse_text(std::string_view text);

}  // namespace pebble::metrics
