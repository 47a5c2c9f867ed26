#pragma once
// Human and machine views of metric families for `metrics-show --format table|json` (SPEC §10).
#include <string>
#include <vector>

#include <prometheus/metric_family.h>

namespace pebble::metrics {

// The q-quantile (0..1) of a histogram estimated like PromQL's histogram_quantile: linear
// interpolation inside the bucket holding the rank, the lowest bucket starting at 0, the highest
// finite bound when the rank falls in +Inf. NaN when the histogram has no observations.
double histogram_quantile(double quantile, const prometheus::ClientMetric::Histogram& histogram);

// One row per sample in aligned columns: family, labels, value. Histograms show
// `count=N sum=S p50=… p90=… p99=…`. Families without samples are left out.
std::string render_table(const std::vector<prometheus::MetricFamily>& families);

// A JSON array of {name, type, help, samples: [{labels: {…}, value} or {labels, count, sum,
// buckets: [{le, count}], p50, p90, p99}]}.
std::string render_json(const std::vector<prometheus::MetricFamily>& families);

}  // namespace pebble::metrics
