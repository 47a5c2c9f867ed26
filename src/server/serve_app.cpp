#include "server/serve_app.h"

#include <chrono>

#include <spdlog/spdlog.h>

#include "metrics/exposition.h"
#include "metrics/text_format.h"
#include "support/version.h"

namespace pebble::server {

namespace {

constexpr const char* kIndexPage = R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>pebble exporter</title></head>
<body><h1>pebble exporter</h1>
<p>pebble %VERSION% (revision %REVISION%)</p>
<ul>
<li><a href="/metrics">/metrics</a>: Prometheus metrics computed from the store</li>
<li><a href="/healthz">/healthz</a>: the process is alive</li>
<li><a href="/readyz">/readyz</a>: the store answers</li>
</ul></body></html>
)";

std::string index_page() {
  std::string page = kIndexPage;
  page.replace(page.find("%VERSION%"), 9, support::version());
  page.replace(page.find("%REVISION%"), 10, support::git_revision());
  return page;
}

}  // namespace

ServeApp::ServeApp(SnapshotCache& cache, Authenticator authenticator, config::MetricsSettings settings)
    : cache_(cache), authenticator_(std::move(authenticator)), settings_(settings) {}

http_server::HttpResponse ServeApp::handle(const http_server::HttpRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  std::string handler = "other";
  http_server::HttpResponse response;
  try {
    response = route(request, handler);
  } catch (const std::exception& error) {
    spdlog::error("{} {}: {}", request.method, request.path, error.what());
    response = http_server::make_response(500, "internal error\n");
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  http_metrics_.record(handler, response.status, seconds);
  return response;
}

http_server::HttpResponse ServeApp::route(const http_server::HttpRequest& request, std::string& handler) {
  if (request.path == "/metrics") {
    handler = "metrics";
  } else if (request.path == "/healthz") {
    handler = "healthz";
  } else if (request.path == "/readyz") {
    handler = "readyz";
  } else if (request.path == "/") {
    handler = "index";
  } else {
    return http_server::make_response(404, "not found\n");
  }
  if (request.method != "GET") {
    http_server::HttpResponse response = http_server::make_response(405, "method not allowed\n");
    response.headers.set("Allow", "GET, HEAD");
    return response;
  }
  if (handler == "metrics") return metrics_page(request);
  if (handler == "healthz") return http_server::make_response(200, "ok\n");
  if (handler == "readyz") return ready_page();
  return http_server::make_response(200, index_page(), "text/html; charset=utf-8");
}

http_server::HttpResponse ServeApp::metrics_page(const http_server::HttpRequest& request) {
  if (!authenticator_.allows(request.headers.get("Authorization"))) {
    http_server::HttpResponse response = http_server::make_response(401, "unauthorized\n");
    response.headers.set("WWW-Authenticate", authenticator_.challenge());
    return response;
  }
  if (!settings_.enabled) return http_server::make_response(404, "metrics disabled\n");
  const metrics::StoreSnapshot snapshot = cache_.get();
  const auto families = metrics::build_exposition(snapshot, settings_, http_metrics_.families());
  return http_server::make_response(200, metrics::render_text(families), metrics::kTextContentType);
}

http_server::HttpResponse ServeApp::ready_page() {
  if (cache_.get().up) return http_server::make_response(200, "ready\n");
  return http_server::make_response(503, "store unreachable\n");
}

}  // namespace pebble::server
