#include "metrics/row_write_counters.h"

namespace pebble::metrics {

void record_inserts(MetricsRecorder& recorder, const char* model, double count) {
  if (count > 0) recorder.increment(metric::kModelInsertsTotal, {{"model", model}}, count);
}

void record_updates(MetricsRecorder& recorder, const char* model, double count) {
  if (count > 0) recorder.increment(metric::kModelUpdatesTotal, {{"model", model}}, count);
}

void record_deletes(MetricsRecorder& recorder, const char* model, double count) {
  if (count > 0) recorder.increment(metric::kModelDeletesTotal, {{"model", model}}, count);
}

void record_bookmark_outcomes(MetricsRecorder& recorder, const std::vector<domain::UpsertOutcome>& outcomes,
                              const std::string& source) {
  double created = 0;
  double updated = 0;
  for (const domain::UpsertOutcome outcome : outcomes) {
    if (outcome == domain::UpsertOutcome::kCreated) ++created;
    if (outcome == domain::UpsertOutcome::kUpdated) ++updated;
  }
  if (created > 0) {
    recorder.increment(metric::kBookmarkOperationsTotal, {{"operation", "create"}, {"source", source}},
                       created);
  }
  if (updated > 0) {
    recorder.increment(metric::kBookmarkOperationsTotal, {{"operation", "update"}, {"source", source}},
                       updated);
  }
  record_inserts(recorder, kModelBookmark, created);
  record_updates(recorder, kModelBookmark, updated);
}

void record_bookmark_deletes(MetricsRecorder& recorder, double count, const std::string& source) {
  if (count <= 0) return;
  recorder.increment(metric::kBookmarkOperationsTotal, {{"operation", "delete"}, {"source", source}}, count);
  record_deletes(recorder, kModelBookmark, count);
}

}  // namespace pebble::metrics
