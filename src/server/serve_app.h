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
  ServeApp(SnapshotCache& cache, Authenticator authenticator, config::MetricsSettings settings);

  // Answers one request and records it in the HTTP self-metrics. Never throws.
  http_server::HttpResponse handle(const http_server::HttpRequest& request);

 private:
  http_server::HttpResponse route(const http_server::HttpRequest& request, std::string& handler);
  http_server::HttpResponse metrics_page(const http_server::HttpRequest& request);
  http_server::HttpResponse ready_page();

  SnapshotCache& cache_;
  Authenticator authenticator_;
  config::MetricsSettings settings_;
  HttpMetrics http_metrics_;
};

}  // namespace pebble::server
