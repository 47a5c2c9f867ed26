#include "server/http_metrics.h"

#include "metrics/catalogue.h"
#include "metrics/text_format.h"

namespace pebble::server {

namespace {

prometheus::ClientMetric::Label label(std::string name, std::string value) {
  prometheus::ClientMetric::Label result;
  result.name = std::move(name);
  result.value = std::move(value);
  return result;
}

}  // namespace

void HttpMetrics::record(const std::string& handler, int status, double seconds) {
  const auto& bounds = metrics::metric::kHttpRequestDurationSeconds.buckets;
  std::lock_guard lock(mutex_);
  ++requests_[{handler, status}];
  Latency& latency = latencies_[handler];
  if (latency.bucket_counts.empty()) latency.bucket_counts.assign(bounds.size(), 0);
  for (std::size_t i = 0; i < bounds.size(); ++i) {
    if (seconds <= bounds[i]) ++latency.bucket_counts[i];
  }
  ++latency.count;
  latency.sum += seconds;
}

std::vector<prometheus::MetricFamily> HttpMetrics::families() const {
  prometheus::MetricFamily requests = metrics::empty_family(metrics::metric::kHttpRequestsTotal);
  prometheus::MetricFamily durations = metrics::empty_family(metrics::metric::kHttpRequestDurationSeconds);
  const auto& bounds = metrics::metric::kHttpRequestDurationSeconds.buckets;
  std::lock_guard lock(mutex_);
  for (const auto& [key, count] : requests_) {
    prometheus::ClientMetric sample;
    sample.label = {label("handler", key.first), label("code", std::to_string(key.second))};
    sample.counter.value = static_cast<double>(count);
    requests.metric.push_back(std::move(sample));
  }
  for (const auto& [handler, latency] : latencies_) {
    prometheus::ClientMetric sample;
    sample.label = {label("handler", handler)};
    sample.histogram.sample_count = latency.count;
    sample.histogram.sample_sum = latency.sum;
    for (std::size_t i = 0; i < bounds.size(); ++i) {
      sample.histogram.bucket.push_back({latency.bucket_counts[i], bounds[i]});
    }
    sample.histogram.bucket.push_back({latency.count, std::numeric_limits<double>::infinity()});
    durations.metric.push_back(std::move(sample));
  }
  return {std::move(requests), std::move(durations)};
}

}  // namespace pebble::server
