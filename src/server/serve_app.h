#pragma once
// The endpoints of `pebble serve` (SPEC §7): /metrics, /healthz, /readyz and an index page.
#include <string>

#include "config/config.h"
#include "http_server/http_message.h"
#include "server/auth.h"
#include "server/http_metrics.h"
#include "server/snapshot_cache.h"

namespace pebble::server {

// Routes requests to the endpoints; thread-safe, one instance shared by every worker.
class ServeApp {
 public:
  ServeApp(SnapshotCache& cache, Authenticator authenticator, MetricsSettings settings);

  // Answers one request and records it in the HTTP self-metrics. Never throws.
  http::HttpResponse handle(const http::HttpRequest& request);

 private:
  http::HttpResponse route(const http::HttpRequest& request, std::string& handler);
  http::HttpResponse metrics_page(const http::HttpRequest& request);
  http::HttpResponse ready_page();

  SnapshotCache& cache_;
  Authenticator authenticator_;
  MetricsSettings settings_;
  HttpMetrics http_metrics_;
};

}  // namespace pebble::server
