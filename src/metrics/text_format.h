#pragma once
// Rendering metric families as Prometheus text format 0.0.4, on prometheus-cpp's core types.
#include <string>
#include <string_view>
#include <vector>

#include <prometheus/metric_family.h>

#include "metrics/catalogue.h"

namespace pebble::metrics {

// The content type of rendered text.
inline constexpr const char* kTextContentType = "text/plain; version=0.0.4; charset=utf-8";

// A family with the catalogue's name, help and type and no samples yet.
prometheus::MetricFamily empty_family(const FamilyDef& family);

// The prometheus-cpp type of a catalogue kind.
prometheus::MetricType prometheus_type(MetricKind kind);

// The `# TYPE` word of a prometheus-cpp type ("counter", …, "untyped").
std::string_view type_text(prometheus::MetricType type);

// Text format 0.0.4. Every family prints `# HELP` and `# TYPE`, also when it has no samples.
std::string render_text(const std::vector<prometheus::MetricFamily>& families);

}  // namespace pebble::metrics
