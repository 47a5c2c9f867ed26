#pragma once
// Shared recording of row writes: bookmark_operations_total and pebble_model_*_total, so every
// writer (import, test-metrics, poll-feeds) counts the same way.
#include <string>
#include <vector>

#include "domain/model.h"
#include "metrics/recorder.h"

namespace pebble::metrics {

// The `model` label values of pebble_model_*_total.
inline constexpr const char* kModelUser = "user";
inline constexpr const char* kModelBookmark = "bookmark";
inline constexpr const char* kModelTag = "tag";
inline constexpr const char* kModelFeed = "feed";
inline constexpr const char* kModelFeedItem = "feed_item";
inline constexpr const char* kModelImportJob = "import_job";
inline constexpr const char* kModelBookmarkUnfurl = "bookmark_unfurl";

// Counts `count` inserted rows of `model`.
void record_inserts(MetricsRecorder& recorder, const char* model, double count = 1);
// Counts `count` updated rows of `model`.
void record_updates(MetricsRecorder& recorder, const char* model, double count = 1);
// Counts `count` deleted rows of `model`.
void record_deletes(MetricsRecorder& recorder, const char* model, double count = 1);

// Counts bookmark upsert outcomes: bookmark_operations_total{operation, source} and the bookmark
// model counters; skipped bookmarks are not writes and count nowhere here.
void record_bookmark_outcomes(MetricsRecorder& recorder, const std::vector<domain::UpsertOutcome>& outcomes,
                              const std::string& source);

// Counts `count` deleted bookmarks: bookmark_operations_total{operation="delete", source} and the
// bookmark model's deletes.
void record_bookmark_deletes(MetricsRecorder& recorder, double count, const std::string& source);

}  // namespace pebble::metrics
