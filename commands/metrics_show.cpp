// `pebble metrics-show`: the current metrics without a server (computed from the store exactly as
// `serve` would expose them), or scraped from a running serve or Pushgateway with --url.
#include <iostream>
#include <unistd.h>

#include "command_table.h"
#include "http/http_get.h"
#include "http/push_client.h"
#include "metrics/text_parser.h"
#include "metrics_view.h"
#include "store_access.h"
#include "support/clock.h"
#include "support/redact.h"

namespace pebble::cli {

namespace {

struct MetricsShowOptions {
  MetricsSelection selection;
  std::optional<std::string> format;
  std::optional<std::string> url;
};

// A base URL without a path ("http://host:9091") means its /metrics page.
std::string metrics_page_url(const std::string& url) {
  const auto scheme_end = url.find("://");
  const auto path_start = url.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
  if (path_start == std::string::npos) return url + "/metrics";
  if (path_start == url.size() - 1) return url + "metrics";
  return url;
}

std::vector<prometheus::MetricFamily> scrape(const std::string& base_url) {
  const std::string url = metrics_page_url(base_url);
  const http::GetResult result = http::http_get(url, std::chrono::seconds(10));
  const std::string where = support::redact_credentials(url);
  if (!result.error.empty()) throw support::Error("cannot scrape " + result.error);
  if (result.status != 200)
    throw support::Error("cannot scrape " + where + ": HTTP " + std::to_string(result.status));
  try {
    return metrics::parse_text(result.body);
  } catch (const support::Error& error) {
    throw support::Error("cannot parse the metrics of " + where + ": " + error.what());
  }
}

support::ExitCode run_metrics_show(const MetricsShowOptions& options, const config::Config& config) {
  MetricsFormat format = default_metrics_format(isatty(STDOUT_FILENO) != 0);
  if (options.format == "table") format = MetricsFormat::kTable;
  if (options.format == "text") format = MetricsFormat::kText;
  if (options.format == "json") format = MetricsFormat::kJson;
  std::vector<prometheus::MetricFamily> families;
  if (options.url) {
    families = scrape(*options.url);
  } else {
    const auto store = open_existing_store(config);
    families = store_families(*store, config.metrics, support::system_clock());
  }
  std::cout << render_families(select_families(std::move(families), options.selection), format);
  return support::ExitCode::kOk;
}

}  // namespace

CommandEntry register_metrics_show(CLI::App& parent) {
  auto options = std::make_shared<MetricsShowOptions>();
  CLI::App* app = parent.add_subcommand("metrics-show", "Print the current metrics without a server");
  app->add_option("NAME", options->selection.names, "Only these metric families")->type_name("NAME");
  app->add_option("--filter", options->selection.filter, "Only families whose name matches this regex")
      ->type_name("REGEX");
  app->add_option("--format", options->format, "table (default on a terminal), text or json")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"table", "text", "json"}));
  app->add_option("--url", options->url,
                  "Scrape a running pebble serve or a Pushgateway instead of the store")
      ->type_name("URL");
  return {app, [options](const config::Config& config) { return run_metrics_show(*options, config); }};
}

}  // namespace pebble::cli
