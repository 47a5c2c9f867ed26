#include "metrics/catalogue.h"

#include <array>

namespace pebble::metrics {
namespace {

// Label sets, in the canonical order used by labels.h.
constexpr std::array<std::string_view, 0> kNoLabels{};
constexpr std::array<std::string_view, 1> kStatusLabel{"status"};
constexpr std::array<std::string_view, 1> kReasonLabel{"reason"};
constexpr std::array<std::string_view, 2> kOperationSourceLabels{"operation", "source"};
constexpr std::array<std::string_view, 2> kStatusFormatLabels{"status", "format"};
constexpr std::array<std::string_view, 1> kFormatLabel{"format"};
constexpr std::array<std::string_view, 2> kFormatStatusLabels{"format", "status"};
constexpr std::array<std::string_view, 1> kModelLabel{"model"};
constexpr std::array<std::string_view, 1> kCommandLabel{"command"};
constexpr std::array<std::string_view, 1> kStateLabel{"state"};
constexpr std::array<std::string_view, 1> kUserLabel{"user"};
constexpr std::array<std::string_view, 2> kVersionRevisionLabels{"version", "revision"};
constexpr std::array<std::string_view, 2> kHandlerCodeLabels{"handler", "code"};
constexpr std::array<std::string_view, 1> kHandlerLabel{"handler"};

// Bucket layouts. Feed polls: SPEC §8. Imports run from a fraction of a second (a few bookmarks)
// to minutes (100 000 bookmarks on a slow disk), so the buckets reach 10 min. Exports stream and
// are faster, so they stop at 2 min. HTTP requests of serve answer from a cache in milliseconds;
// the top buckets catch a scrape that waited for a slow store (--query-timeout defaults to 5 s).
constexpr std::array<double, 0> kNoBuckets{};
constexpr std::array<double, 9> kFeedPollBuckets{0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
constexpr std::array<double, 11> kImportBuckets{0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 180, 600};
constexpr std::array<double, 11> kExportBuckets{0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};
constexpr std::array<double, 12> kHttpBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                              0.1,   0.25,   0.5,   1,    2.5,   5};

constexpr std::uint32_t kFeedCommands = kPollFeedsBit | kTestMetricsBit;
constexpr std::uint32_t kImportCommands = kImportBit | kTestMetricsBit;
constexpr std::uint32_t kExportCommands = kExportBit | kTestMetricsBit;

}  // namespace

namespace metric {
using enum MetricKind;
using enum MetricGate;
using enum MetricOrigin;

constexpr FamilyDef kFeedPollsTotal{"feed_polls_total", kCounter,     "Feed polls by outcome.",
                                    kStatusLabel,       kNoBuckets,   kFeed,
                                    kRecorded,          kFeedCommands};
constexpr FamilyDef kFeedPollErrorsTotal{"feed_poll_errors_total",
                                         kCounter,
                                         "Failed feed polls by reason.",
                                         kReasonLabel,
                                         kNoBuckets,
                                         kFeed,
                                         kRecorded,
                                         kFeedCommands};
constexpr FamilyDef kFeedPollDurationSeconds{"feed_poll_duration_seconds",
                                             kHistogram,
                                             "Time spent fetching, parsing and storing one feed.",
                                             kNoLabels,
                                             kFeedPollBuckets,
                                             kFeed,
                                             kRecorded,
                                             kFeedCommands};
constexpr FamilyDef kFeedItemsDiscoveredTotal{"feed_items_discovered_total",
                                              kCounter,
                                              "New feed items stored by polls.",
                                              kNoLabels,
                                              kNoBuckets,
                                              kFeed,
                                              kRecorded,
                                              kFeedCommands};

constexpr FamilyDef kBookmarkOperationsTotal{"bookmark_operations_total",
                                             kCounter,
                                             "Bookmark writes by operation and source.",
                                             kOperationSourceLabels,
                                             kNoBuckets,
                                             kBookmark,
                                             kRecorded,
                                             kImportCommands};
constexpr FamilyDef kImportJobsTotal{
    "import_jobs_total", kCounter,       "Import jobs by status (started, completed, failed) and format.",
    kStatusFormatLabels, kNoBuckets,     kBookmark,
    kRecorded,           kImportCommands};
constexpr FamilyDef kImportJobDurationSeconds{"import_job_duration_seconds",
                                              kHistogram,
                                              "Time spent on one import job.",
                                              kFormatLabel,
                                              kImportBuckets,
                                              kBookmark,
                                              kRecorded,
                                              kImportCommands};
constexpr FamilyDef kImportItemsProcessedTotal{"import_items_processed_total",
                                               kCounter,
                                               "Imported items by outcome and format.",
                                               kStatusFormatLabels,
                                               kNoBuckets,
                                               kBookmark,
                                               kRecorded,
                                               kImportCommands};
constexpr FamilyDef kExportOperationsTotal{"export_operations_total",
                                           kCounter,
                                           "Exports by format and outcome.",
                                           kFormatStatusLabels,
                                           kNoBuckets,
                                           kBookmark,
                                           kRecorded,
                                           kExportCommands};
constexpr FamilyDef kExportDurationSeconds{"export_duration_seconds",
                                           kHistogram,
                                           "Time spent on one export.",
                                           kFormatLabel,
                                           kExportBuckets,
                                           kBookmark,
                                           kRecorded,
                                           kExportCommands};
constexpr FamilyDef kExportItemsTotal{"export_items_total",
                                      kCounter,
                                      "Bookmarks written by exports.",
                                      kFormatLabel,
                                      kNoBuckets,
                                      kBookmark,
                                      kRecorded,
                                      kExportCommands};

constexpr FamilyDef kModelInsertsTotal{"pebble_model_inserts_total",
                                       kCounter,
                                       "Rows inserted by model.",
                                       kModelLabel,
                                       kNoBuckets,
                                       kAlways,
                                       kRecorded,
                                       kEveryCommand};
constexpr FamilyDef kModelUpdatesTotal{"pebble_model_updates_total",
                                       kCounter,
                                       "Rows updated by model.",
                                       kModelLabel,
                                       kNoBuckets,
                                       kAlways,
                                       kRecorded,
                                       kEveryCommand};
constexpr FamilyDef kModelDeletesTotal{"pebble_model_deletes_total",
                                       kCounter,
                                       "Rows deleted by model.",
                                       kModelLabel,
                                       kNoBuckets,
                                       kAlways,
                                       kRecorded,
                                       kEveryCommand};

constexpr FamilyDef kPushgatewayPushFailuresTotal{"pebble_pushgateway_push_failures_total",
                                                  kCounter,
                                                  "Pushes to the Pushgateway that failed.",
                                                  kNoLabels,
                                                  kNoBuckets,
                                                  kAlways,
                                                  kRecorded,
                                                  kEveryCommand};
constexpr FamilyDef kMetricsDroppedSeriesTotal{
    "pebble_metrics_dropped_series_total",
    kCounter,
    "Series dropped by the MAX_METRICS_PER_MINUTE cardinality guard.",
    kNoLabels,
    kNoBuckets,
    kAlways,
    kRecorded,
    kEveryCommand};

constexpr FamilyDef kJobLastSuccessTimestampSeconds{"pebble_job_last_success_timestamp_seconds",
                                                    kGauge,
                                                    "Unix time the command last finished with status ok.",
                                                    kCommandLabel,
                                                    kNoBuckets,
                                                    kAlways,
                                                    kJobRuns,
                                                    kEveryCommand};
constexpr FamilyDef kJobLastRunTimestampSeconds{
    "pebble_job_last_run_timestamp_seconds",
    kGauge,
    "Unix time the command's latest run finished (or started, while unfinished).",
    kCommandLabel,
    kNoBuckets,
    kAlways,
    kJobRuns,
    kEveryCommand};
constexpr FamilyDef kJobDurationSeconds{"pebble_job_duration_seconds",
                                        kGauge,
                                        "Wall time of the command's latest finished run.",
                                        kCommandLabel,
                                        kNoBuckets,
                                        kAlways,
                                        kJobRuns,
                                        kEveryCommand};
constexpr FamilyDef kJobLastRunSuccess{"pebble_job_last_run_success",
                                       kGauge,
                                       "1 when the command's latest run ended ok, else 0.",
                                       kCommandLabel,
                                       kNoBuckets,
                                       kAlways,
                                       kJobRuns,
                                       kEveryCommand};

// active_feeds_count keeps the web app's name for its dashboards. promtool reserves the `_count`
// suffix for histograms and summaries unless the family is untyped, so it is exposed untyped
// (PromQL treats it exactly like a gauge).
constexpr FamilyDef kActiveFeedsCount{"active_feeds_count",
                                      kUntyped,
                                      "Number of active (non-disabled) feeds.",
                                      kNoLabels,
                                      kNoBuckets,
                                      kFeed,
                                      kStore,
                                      kFeedCommands};
constexpr FamilyDef kFeeds{"pebble_feeds", kGauge,     "Feeds by state (active, failing, disabled).",
                           kStateLabel,    kNoBuckets, kFeed,
                           kStore,         kNoCommand};
constexpr FamilyDef kFeedsDue{
    "pebble_feeds_due", kGauge, "Enabled feeds due for a poll.", kNoLabels, kNoBuckets, kFeed, kStore,
    kNoCommand};
constexpr FamilyDef kFeedItems{
    "pebble_feed_items", kGauge, "Stored feed items.", kNoLabels, kNoBuckets, kFeed, kStore, kNoCommand};
constexpr FamilyDef kBookmarks{"pebble_bookmarks", kGauge, "Stored bookmarks.", kNoLabels, kNoBuckets,
                               kBookmark,          kStore, kNoCommand};
constexpr FamilyDef kTags{"pebble_tags", kGauge,    "Stored tags.", kNoLabels,
                          kNoBuckets,    kBookmark, kStore,         kNoCommand};
constexpr FamilyDef kUsers{"pebble_users", kGauge,  "Stored users.", kNoLabels,
                           kNoBuckets,     kAlways, kStore,          kNoCommand};
constexpr FamilyDef kImportJobs{"pebble_import_jobs",
                                kGauge,
                                "Import jobs by status.",
                                kStatusLabel,
                                kNoBuckets,
                                kBookmark,
                                kStore,
                                kNoCommand};
constexpr FamilyDef kBookmarkCountByUser{"bookmark_count_by_user",
                                         kGauge,
                                         "Number of bookmarks per user.",
                                         kUserLabel,
                                         kNoBuckets,
                                         kUser,
                                         kStore,
                                         kNoCommand};

constexpr FamilyDef kStoreUp{"pebble_store_up", kGauge,     "1 when the last store query pass succeeded.",
                             kNoLabels,         kNoBuckets, kAlways,
                             kProcess,          kNoCommand};
constexpr FamilyDef kStoreQueryDurationSeconds{"pebble_store_query_duration_seconds",
                                               kGauge,
                                               "Wall time of the last store query pass.",
                                               kNoLabels,
                                               kNoBuckets,
                                               kAlways,
                                               kProcess,
                                               kNoCommand};
constexpr FamilyDef kBuildInfo{"pebble_build_info",
                               kGauge,
                               "Always 1; labelled with the build.",
                               kVersionRevisionLabels,
                               kNoBuckets,
                               kAlways,
                               kProcess,
                               kNoCommand};
constexpr FamilyDef kProcessCpuSecondsTotal{"process_cpu_seconds_total",
                                            kCounter,
                                            "Total user and system CPU time spent in seconds.",
                                            kNoLabels,
                                            kNoBuckets,
                                            kAlways,
                                            kProcess,
                                            kNoCommand};
constexpr FamilyDef kProcessResidentMemoryBytes{"process_resident_memory_bytes",
                                                kGauge,
                                                "Resident memory size in bytes.",
                                                kNoLabels,
                                                kNoBuckets,
                                                kAlways,
                                                kProcess,
                                                kNoCommand};
constexpr FamilyDef kProcessVirtualMemoryBytes{"process_virtual_memory_bytes",
                                               kGauge,
                                               "Virtual memory size in bytes.",
                                               kNoLabels,
                                               kNoBuckets,
                                               kAlways,
                                               kProcess,
                                               kNoCommand};
constexpr FamilyDef kProcessOpenFds{"process_open_fds", kGauge,     "Number of open file descriptors.",
                                    kNoLabels,          kNoBuckets, kAlways,
                                    kProcess,           kNoCommand};
constexpr FamilyDef kProcessMaxFds{"process_max_fds", kGauge,     "Maximum number of open file descriptors.",
                                   kNoLabels,         kNoBuckets, kAlways,
                                   kProcess,          kNoCommand};
constexpr FamilyDef kProcessStartTimeSeconds{"process_start_time_seconds",
                                             kGauge,
                                             "Start time of the process since unix epoch in seconds.",
                                             kNoLabels,
                                             kNoBuckets,
                                             kAlways,
                                             kProcess,
                                             kNoCommand};

constexpr FamilyDef kHttpRequestsTotal{"pebble_http_requests_total",
                                       kCounter,
                                       "HTTP requests answered by serve, by handler and status code.",
                                       kHandlerCodeLabels,
                                       kNoBuckets,
                                       kAlways,
                                       kServe,
                                       kNoCommand};
constexpr FamilyDef kHttpRequestDurationSeconds{"pebble_http_request_duration_seconds",
                                                kHistogram,
                                                "Time serve spent answering a request.",
                                                kHandlerLabel,
                                                kHttpBuckets,
                                                kAlways,
                                                kServe,
                                                kNoCommand};
}  // namespace metric

namespace {
using namespace metric;
constexpr std::array kAllFamilies{&kFeedPollsTotal,
                                  &kFeedPollErrorsTotal,
                                  &kFeedPollDurationSeconds,
                                  &kFeedItemsDiscoveredTotal,
                                  &kBookmarkOperationsTotal,
                                  &kImportJobsTotal,
                                  &kImportJobDurationSeconds,
                                  &kImportItemsProcessedTotal,
                                  &kExportOperationsTotal,
                                  &kExportDurationSeconds,
                                  &kExportItemsTotal,
                                  &kModelInsertsTotal,
                                  &kModelUpdatesTotal,
                                  &kModelDeletesTotal,
                                  &kPushgatewayPushFailuresTotal,
                                  &kMetricsDroppedSeriesTotal,
                                  &kJobLastSuccessTimestampSeconds,
                                  &kJobLastRunTimestampSeconds,
                                  &kJobDurationSeconds,
                                  &kJobLastRunSuccess,
                                  &kActiveFeedsCount,
                                  &kFeeds,
                                  &kFeedsDue,
                                  &kFeedItems,
                                  &kBookmarks,
                                  &kTags,
                                  &kUsers,
                                  &kImportJobs,
                                  &kBookmarkCountByUser,
                                  &kStoreUp,
                                  &kStoreQueryDurationSeconds,
                                  &kBuildInfo,
                                  &kProcessCpuSecondsTotal,
                                  &kProcessResidentMemoryBytes,
                                  &kProcessVirtualMemoryBytes,
                                  &kProcessOpenFds,
                                  &kProcessMaxFds,
                                  &kProcessStartTimeSeconds,
                                  &kHttpRequestsTotal,
                                  &kHttpRequestDurationSeconds};
}  // namespace

std::uint32_t command_bit(std::string_view command) {
  if (command == kCommandPollFeeds) return kPollFeedsBit;
  if (command == kCommandImport) return kImportBit;
  if (command == kCommandExport) return kExportBit;
  if (command == kCommandTestMetrics) return kTestMetricsBit;
  return kNoCommand;
}

std::span<const FamilyDef* const> all_families() {
  return kAllFamilies;
}

const FamilyDef* find_family(std::string_view name) {
  for (const FamilyDef* family : kAllFamilies) {
    if (family->name == name) return family;
  }
  return nullptr;
}

bool family_enabled(const FamilyDef& family, const MetricsSettings& settings) {
  if (!settings.enabled) return false;
  switch (family.gate) {
    case MetricGate::kAlways:
      return true;
    case MetricGate::kFeed:
      return settings.collect_feed;
    case MetricGate::kBookmark:
      return settings.collect_bookmark;
    case MetricGate::kUser:
      return settings.collect_user;
  }
  return false;
}

std::string_view kind_text(MetricKind kind) {
  switch (kind) {
    case MetricKind::kCounter:
      return "counter";
    case MetricKind::kGauge:
      return "gauge";
    case MetricKind::kHistogram:
      return "histogram";
    case MetricKind::kUntyped:
      return "untyped";
  }
  return "untyped";
}

}  // namespace pebble::metrics
