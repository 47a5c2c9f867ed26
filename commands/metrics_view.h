#pragma once
// What `metrics-show` prints, shared with `test-metrics --show-metrics`: the store's exposition
// (or a scraped one), filtered and rendered as a table, text or JSON.
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "metrics/metric_family.h"
#include "store/store.h"
#include "support/clock.h"

namespace pebble::cli {

// Output formats of metrics-show.
enum class MetricsFormat { kTable, kText, kJson };

// Which families to print: exact names and/or a regular expression (ECMAScript, searched).
struct MetricsSelection {
  std::vector<std::string> names;
  std::optional<std::string> filter;
};

// The families `serve` would expose for this store at clock.now() (no HTTP families).
std::vector<prometheus::MetricFamily> store_families(store::Store& store,
                                                     const config::MetricsSettings& settings,
                                                     const support::Clock& clock);

// Keeps the selected families; throws UsageError for an invalid --filter expression.
std::vector<prometheus::MetricFamily> select_families(std::vector<prometheus::MetricFamily> families,
                                                      const MetricsSelection& selection);

// The families rendered in `format`.
std::string render_families(const std::vector<prometheus::MetricFamily>& families, MetricsFormat format);

// The default format: a table on a terminal, the exposition text otherwise.
MetricsFormat default_metrics_format(bool stdout_is_tty);

}  // namespace pebble::cli
