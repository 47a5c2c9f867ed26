#include "metrics/text_format.h"

#include <sstream>

#include <prometheus/text_serializer.h>

#include "support/utf8.h"

namespace pebble::metrics {

std::string_view type_text(prometheus::MetricType type) {
  switch (type) {
    case prometheus::MetricType::Counter:
      return "counter";
    case prometheus::MetricType::Gauge:
      return "gauge";
    case prometheus::MetricType::Histogram:
      return "histogram";
    case prometheus::MetricType::Summary:
      return "summary";
    default:
      return "untyped";
  }
}

namespace {

// HELP text may not hold a raw newline; prometheus-cpp writes it unescaped, so flatten it.
std::string single_line(std::string text) {
  for (char& character : text) {
    if (character == '\n') character = ' ';
  }
  return text;
}

}  // namespace

prometheus::MetricFamily empty_family(const FamilyDef& family) {
  prometheus::MetricFamily result;
  result.name = std::string(family.name);
  result.help = std::string(family.help);
  result.type = prometheus_type(family.kind);
  return result;
}

prometheus::MetricType prometheus_type(MetricKind kind) {
  switch (kind) {
    case MetricKind::kCounter:
      return prometheus::MetricType::Counter;
    case MetricKind::kGauge:
      return prometheus::MetricType::Gauge;
    case MetricKind::kHistogram:
      return prometheus::MetricType::Histogram;
    case MetricKind::kUntyped:
      return prometheus::MetricType::Untyped;
  }
  return prometheus::MetricType::Untyped;
}

std::string render_text(const std::vector<prometheus::MetricFamily>& families) {
  std::ostringstream out;
  prometheus::TextSerializer serializer;
  for (const prometheus::MetricFamily& family : families) {
    prometheus::MetricFamily copy = family;
    copy.help = single_line(copy.help.empty() ? copy.name : copy.help);
    // A label value from the store (a user name written before --user was checked, or by another
    // tool) may hold invalid UTF-8; one such byte makes Prometheus reject the whole scrape.
    for (prometheus::ClientMetric& sample : copy.metric) {
      for (prometheus::ClientMetric::Label& label : sample.label)
        label.value = support::replace_invalid_utf8(label.value);
    }
    if (copy.metric.empty()) {
      // Some prometheus-cpp versions print nothing for a family without samples; SPEC §8 wants
      // HELP and TYPE from the first scrape, so write them here.
      out << "# HELP " << copy.name << ' ' << copy.help << "\n# TYPE " << copy.name << ' '
          << type_text(copy.type) << '\n';
      continue;
    }
    serializer.Serialize(out, std::vector<prometheus::MetricFamily>{std::move(copy)});
  }
  return out.str();
}

}  // namespace pebble::metrics
