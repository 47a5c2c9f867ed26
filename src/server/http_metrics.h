#pragma once
// serve's own request metrics (pebble_http_requests_total, pebble_http_request_duration_seconds),
// kept in process memory: they describe this process, not the store.
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "metrics/metric_family.h"

namespace pebble::server {

// Thread-safe request counters and latency histograms by handler.
class HttpMetrics {
 public:
  // Counts one answered request of `handler` ("metrics", "healthz", …) with its status code.
  void record(const std::string& handler, int status, double seconds);
  // The two families as prometheus-cpp values, for the exposition.
  std::vector<prometheus::MetricFamily> families() const;

 private:
  struct Latency {
    std::vector<std::uint64_t> bucket_counts;  // per finite bound, cumulative
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Latency> latencies_;
};

}  // namespace pebble::server
