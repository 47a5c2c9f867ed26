#include "metrics/samples.h"

#include <algorithm>
#include <cmath>
#include <exception>

#include "metrics/labels.h"
#include "metrics/text_format.h"

namespace pebble::metrics {
namespace {

// The stored label text as pairs, `command` first when asked; nullopt when malformed.
std::optional<LabelPairs> series_labels(const std::string& command, const std::string& text,
                                        bool with_command) {
  try {
    LabelPairs labels;
    if (with_command) labels.emplace_back("command", command);
    for (auto& pair : parse_labels(text)) labels.push_back(std::move(pair));
    return labels;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

void FamilyTable::open(const FamilyDef& family, const config::MetricsSettings& settings) {
  if (!family_enabled(family, settings) || index_.contains(family.name)) return;
  index_.emplace(std::string(family.name), families_.size());
  families_.push_back(empty_family(family));
}

void FamilyTable::merge(const prometheus::MetricFamily& family) {
  if (auto* existing = find(family.name)) {
    existing->metric.insert(existing->metric.end(), family.metric.begin(), family.metric.end());
    return;
  }
  index_.emplace(family.name, families_.size());
  families_.push_back(family);
}

prometheus::MetricFamily* FamilyTable::find(std::string_view name) {
  auto found = index_.find(name);
  return found == index_.end() ? nullptr : &families_[found->second];
}

void FamilyTable::add(const FamilyDef& family, prometheus::ClientMetric sample) {
  if (auto* open_family = find(family.name)) open_family->metric.push_back(std::move(sample));
}

prometheus::ClientMetric labelled_sample(const std::vector<std::pair<std::string, std::string>>& labels) {
  prometheus::ClientMetric sample;
  for (const auto& [name, value] : labels) sample.label.push_back({name, value});
  return sample;
}

std::optional<prometheus::ClientMetric> counter_sample(const store::CounterValue& counter,
                                                       bool with_command) {
  auto labels = series_labels(counter.command, counter.labels, with_command);
  if (!labels) return std::nullopt;
  prometheus::ClientMetric sample = labelled_sample(*labels);
  sample.counter.value = counter.value;
  return sample;
}

std::optional<prometheus::ClientMetric> histogram_sample(const store::HistogramValue& histogram,
                                                         bool with_command) {
  auto labels = series_labels(histogram.command, histogram.labels, with_command);
  if (!labels) return std::nullopt;
  prometheus::ClientMetric sample = labelled_sample(*labels);
  sample.histogram.sample_count = histogram.count;
  sample.histogram.sample_sum = histogram.sum;
  bool has_infinity = false;
  for (const auto& [le, count] : histogram.buckets) {
    auto bound = parse_bucket_bound(le);
    if (!bound) continue;
    has_infinity = has_infinity || std::isinf(*bound);
    sample.histogram.bucket.push_back({count, *bound});
  }
  std::sort(sample.histogram.bucket.begin(), sample.histogram.bucket.end(),
            [](const auto& left, const auto& right) { return left.upper_bound < right.upper_bound; });
  if (!has_infinity) {
    sample.histogram.bucket.push_back({histogram.count, std::numeric_limits<double>::infinity()});
  }
  return sample;
}

void add_job_samples(FamilyTable& table, const store::JobRunSummary& summary, bool with_command) {
  LabelPairs labels;
  if (with_command) labels.emplace_back("command", summary.last_run.command);
  auto gauge = [&](const FamilyDef& family, double value) {
    prometheus::ClientMetric sample = labelled_sample(labels);
    sample.gauge.value = value;
    table.add(family, std::move(sample));
  };
  const domain::JobRun& run = summary.last_run;
  if (summary.last_success_at) {
    gauge(metric::kJobLastSuccessTimestampSeconds, epoch_seconds(*summary.last_success_at));
  }
  gauge(metric::kJobLastRunTimestampSeconds, epoch_seconds(run.finished_at.value_or(run.started_at)));
  if (run.finished_at) {
    gauge(metric::kJobDurationSeconds,
          static_cast<double>(run.finished_at->micros - run.started_at.micros) / 1e6);
  }
  gauge(metric::kJobLastRunSuccess, run.status == "ok" ? 1 : 0);
}

double epoch_seconds(support::Timestamp timestamp) {
  return static_cast<double>(timestamp.micros) / 1e6;
}

}  // namespace pebble::metrics
