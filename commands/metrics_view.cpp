#include "metrics_view.h"

#include <algorithm>
#include <regex>

#include "metrics/exposition.h"
#include "metrics/metrics_table.h"
#include "metrics/text_format.h"
#include "support/error.h"

namespace pebble::cli {

std::vector<prometheus::MetricFamily> store_families(store::Store& store,
                                                     const config::MetricsSettings& settings,
                                                     const support::Clock& clock) {
  if (!settings.enabled) throw support::Error("metrics are disabled (PROMETHEUS_METRICS_ENABLED=false)");
  const metrics::StoreSnapshot snapshot = metrics::read_store_snapshot(store, settings, clock.now());
  return metrics::build_exposition(snapshot, settings);
}

std::vector<prometheus::MetricFamily> select_families(std::vector<prometheus::MetricFamily> families,
                                                      const MetricsSelection& selection) {
  std::optional<std::regex> pattern;
  if (selection.filter) {
    try {
      pattern.emplace(*selection.filter, std::regex::ECMAScript);
    } catch (const std::regex_error& error) {
      throw support::UsageError("--filter: invalid regular expression '" + *selection.filter +
                                "': " + error.what());
    }
  }
  std::erase_if(families, [&](const prometheus::MetricFamily& family) {
    const bool named = selection.names.empty() || std::find(selection.names.begin(), selection.names.end(),
                                                            family.name) != selection.names.end();
    const bool matched = !pattern || std::regex_search(family.name, *pattern);
    return !(named && matched);
  });
  return families;
}

std::string render_families(const std::vector<prometheus::MetricFamily>& families, MetricsFormat format) {
  switch (format) {
    case MetricsFormat::kTable:
      return metrics::render_table(families);
    case MetricsFormat::kJson:
      return metrics::render_json(families) + "\n";
    case MetricsFormat::kText:
      return metrics::render_text(families);
  }
  return {};
}

MetricsFormat default_metrics_format(bool stdout_is_tty) {
  return stdout_is_tty ? MetricsFormat::kTable : MetricsFormat::kText;
}

}  // namespace pebble::cli
