#include "metrics/metrics_table.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <sstream>

#include <nlohmann/json.hpp>

#include "metrics/labels.h"
#include "metrics/text_format.h"

namespace pebble::metrics {
namespace {

double sample_value(const prometheus::MetricFamily& family, const prometheus::ClientMetric& metric) {
  switch (family.type) {
    case prometheus::MetricType::Counter:
      return metric.counter.value;
    case prometheus::MetricType::Gauge:
      return metric.gauge.value;
    default:
      return metric.untyped.value;
  }
}

// Numbers as the exposition writes them: shortest exact form, +Inf, NaN.
std::string number_text(double value) {
  if (std::isnan(value)) return "NaN";
  return bucket_bound_text(value);
}

std::string label_text(const prometheus::ClientMetric& metric) {
  LabelPairs labels;
  for (const auto& label : metric.label) labels.emplace_back(label.name, label.value);
  return format_labels(labels);
}

std::string histogram_summary(const prometheus::ClientMetric::Histogram& histogram) {
  std::ostringstream out;
  out << "count=" << histogram.sample_count << " sum=" << number_text(histogram.sample_sum);
  for (auto [quantile, name] : {std::pair{0.5, "p50"}, std::pair{0.9, "p90"}, std::pair{0.99, "p99"}}) {
    out << ' ' << name << '=' << number_text(histogram_quantile(quantile, histogram));
  }
  return out.str();
}

}  // namespace

double histogram_quantile(double quantile, const prometheus::ClientMetric::Histogram& histogram) {
  auto buckets = histogram.bucket;
  std::sort(buckets.begin(), buckets.end(),
            [](const auto& left, const auto& right) { return left.upper_bound < right.upper_bound; });
  if (buckets.empty() || !std::isinf(buckets.back().upper_bound)) {
    buckets.push_back({histogram.sample_count, std::numeric_limits<double>::infinity()});
  }
  double total = static_cast<double>(buckets.back().cumulative_count);
  if (total == 0 || quantile < 0 || quantile > 1) return std::numeric_limits<double>::quiet_NaN();
  double rank = quantile * total;
  double lower_bound = 0;
  double lower_count = 0;
  for (const auto& bucket : buckets) {
    double count = static_cast<double>(bucket.cumulative_count);
    if (count >= rank) {
      if (std::isinf(bucket.upper_bound)) return lower_bound;  // PromQL: the highest finite bound
      if (count == lower_count) return bucket.upper_bound;
      return lower_bound + (bucket.upper_bound - lower_bound) * (rank - lower_count) / (count - lower_count);
    }
    lower_bound = bucket.upper_bound;
    lower_count = count;
  }
  return lower_bound;
}

std::string render_table(const std::vector<prometheus::MetricFamily>& families) {
  std::vector<std::array<std::string, 3>> rows;
  for (const auto& family : families) {
    for (const auto& metric : family.metric) {
      std::string value = family.type == prometheus::MetricType::Histogram
                              ? histogram_summary(metric.histogram)
                              : number_text(sample_value(family, metric));
      rows.push_back({family.name, label_text(metric), value});
    }
  }
  std::size_t name_width = 6;
  std::size_t labels_width = 6;
  for (const auto& row : rows) {
    name_width = std::max(name_width, row[0].size());
    labels_width = std::max(labels_width, row[1].size());
  }
  std::ostringstream out;
  auto write_row = [&](const std::string& name, const std::string& labels, const std::string& value) {
    out << name << std::string(name_width - name.size() + 2, ' ') << labels
        << std::string(labels_width - labels.size() + 2, ' ') << value << '\n';
  };
  write_row("FAMILY", "LABELS", "VALUE");
  for (const auto& row : rows) write_row(row[0], row[1], row[2]);
  return out.str();
}

std::string render_json(const std::vector<prometheus::MetricFamily>& families) {
  auto number = [](double value) -> nlohmann::json {
    if (std::isfinite(value)) return value;
    return number_text(value);  // JSON has no Inf/NaN: keep the exposition's spelling
  };
  nlohmann::json result = nlohmann::json::array();
  for (const auto& family : families) {
    nlohmann::json samples = nlohmann::json::array();
    for (const auto& metric : family.metric) {
      nlohmann::json sample{{"labels", nlohmann::json::object()}};
      for (const auto& label : metric.label) sample["labels"][label.name] = label.value;
      if (family.type == prometheus::MetricType::Histogram) {
        sample["count"] = metric.histogram.sample_count;
        sample["sum"] = number(metric.histogram.sample_sum);
        sample["buckets"] = nlohmann::json::array();
        for (const auto& bucket : metric.histogram.bucket) {
          sample["buckets"].push_back(
              {{"le", number_text(bucket.upper_bound)}, {"count", bucket.cumulative_count}});
        }
        sample["p50"] = number(histogram_quantile(0.5, metric.histogram));
        sample["p90"] = number(histogram_quantile(0.9, metric.histogram));
        sample["p99"] = number(histogram_quantile(0.99, metric.histogram));
      } else {
        sample["value"] = number(sample_value(family, metric));
      }
      samples.push_back(std::move(sample));
    }
    result.push_back({{"name", family.name},
                      {"type", std::string(type_text(family.type))},
                      {"help", family.help},
                      {"samples", std::move(samples)}});
  }
  return result.dump(2) + "\n";
}

}  // namespace pebble::metrics
