#pragma once
// Turning store rows into prometheus-cpp samples, shared by the exposition and the push body.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <prometheus/metric_family.h>

#include "config/config.h"
#include "metrics/catalogue.h"
#include "store/job_store.h"
#include "store/metric_store.h"

namespace pebble::metrics {

// The families of one exposition, in the order they were opened, looked up by name.
class FamilyTable {
 public:
  // Adds the catalogue family with no samples when the settings enable it.
  void open(const FamilyDef& family, const config::MetricsSettings& settings);
  // Appends a family that is not in the catalogue (or merges into the one of that name).
  void merge(const prometheus::MetricFamily& family);
  // The open family of this name, or nullptr when it is disabled or unknown.
  prometheus::MetricFamily* find(std::string_view name);
  // Adds a sample to the family when it is open.
  void add(const FamilyDef& family, prometheus::ClientMetric sample);
  // The families, in order.
  std::vector<prometheus::MetricFamily> take() { return std::move(families_); }

 private:
  std::vector<prometheus::MetricFamily> families_;
  std::map<std::string, std::size_t, std::less<>> index_;
};

// A sample with these labels (values unescaped).
prometheus::ClientMetric labelled_sample(const std::vector<std::pair<std::string, std::string>>& labels);

// The sample of a stored counter; `command` label first when with_command. nullopt when the
// stored labels do not parse.
std::optional<prometheus::ClientMetric> counter_sample(const store::CounterValue& counter, bool with_command);

// The sample of a stored histogram with its buckets sorted and +Inf present.
std::optional<prometheus::ClientMetric> histogram_sample(const store::HistogramValue& histogram,
                                                         bool with_command);

// The pebble_job_* samples of one command's latest run, into the open job families.
void add_job_samples(FamilyTable& table, const store::JobRunSummary& summary, bool with_command);

// Seconds since the epoch as a double, keeping the microseconds.
double epoch_seconds(support::Timestamp timestamp);

}  // namespace pebble::metrics
