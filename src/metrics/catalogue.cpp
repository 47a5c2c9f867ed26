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

// `feeds add` fetches its feeds through the poller's classification, so it records polls too.
constexpr std::uint32_t kFeedCommands = kPollFeedsBit | kTestMetricsBit | kFeedsBit;
constexpr std::uint32_t kImportCommands = kImportBit | kTestMetricsBit;
// Bookmark writes come from imports, the self-test, `bookmarks` and `unfurl` (the fields it fills).
constexpr std::uint32_t kBookmarkWriters = kImportCommands | kBookmarksBit | kUnfurlBit;
// Pages are unfurled by `unfurl`, by `bookmarks add` for a bookmark added without a title or a
// description, and by the self-test.
constexpr std::uint32_t kUnfurlCommands = kUnfurlBit | kBookmarksBit | kTestMetricsBit;
constexpr std::uint32_t kExportCommands = kExportBit | kTestMetricsBit;

// Shorthands for the recurring shapes of a family, so each entry below stays one statement.
constexpr FamilyDef counter(std::string_view name, std::string_view help,
                            std::span<const std::string_view> labels, MetricGate gate,
                            std::uint32_t commands) {
  return {name, MetricKind::kCounter, help, labels, kNoBuckets, gate, MetricOrigin::kRecorded, commands};
}
constexpr FamilyDef histogram(std::string_view name, std::string_view help,
                              std::span<const std::string_view> labels, std::span<const double> buckets,
                              MetricGate gate, std::uint32_t commands) {
  return {name, MetricKind::kHistogram, help, labels, buckets, gate, MetricOrigin::kRecorded, commands};
}
constexpr FamilyDef job_gauge(std::string_view name, std::string_view help) {
  return {name,
          MetricKind::kGauge,
          help,
          kCommandLabel,
          kNoBuckets,
          MetricGate::kAlways,
          MetricOrigin::kJobRuns,
          kEveryCommand};
}
constexpr FamilyDef store_gauge(std::string_view name, std::string_view help,
                                std::span<const std::string_view> labels, MetricGate gate,
                                std::uint32_t pushed_by = kNoCommand) {
  return {name, MetricKind::kGauge, help, labels, kNoBuckets, gate, MetricOrigin::kStore, pushed_by};
}
constexpr FamilyDef process_gauge(std::string_view name, std::string_view help,
                                  std::span<const std::string_view> labels = kNoLabels) {
  return {
      name,      MetricKind::kGauge, help, labels, kNoBuckets, MetricGate::kAlways, MetricOrigin::kProcess,
      kNoCommand};
}

}  // namespace

namespace metric {
using enum MetricGate;

constexpr FamilyDef kFeedPollsTotal =
    counter("feed_polls_total", "Feed polls by outcome.", kStatusLabel, kFeed, kFeedCommands);
constexpr FamilyDef kFeedPollErrorsTotal =
    counter("feed_poll_errors_total", "Failed feed polls by reason.", kReasonLabel, kFeed, kFeedCommands);
constexpr FamilyDef kFeedPollDurationSeconds =
    histogram("feed_poll_duration_seconds", "Time spent fetching, parsing and storing one feed.", kNoLabels,
              kFeedPollBuckets, kFeed, kFeedCommands);
constexpr FamilyDef kFeedItemsDiscoveredTotal = counter(
    "feed_items_discovered_total", "New feed items stored by polls.", kNoLabels, kFeed, kFeedCommands);

constexpr FamilyDef kBookmarkOperationsTotal =
    counter("bookmark_operations_total", "Bookmark writes by operation and source.", kOperationSourceLabels,
            kBookmark, kBookmarkWriters);
constexpr FamilyDef kImportJobsTotal =
    counter("import_jobs_total", "Import jobs by status (started, completed, failed) and format.",
            kStatusFormatLabels, kBookmark, kImportCommands);
constexpr FamilyDef kImportJobDurationSeconds =
    histogram("import_job_duration_seconds", "Time spent on one import job.", kFormatLabel, kImportBuckets,
              kBookmark, kImportCommands);
constexpr FamilyDef kImportItemsProcessedTotal =
    counter("import_items_processed_total", "Imported items by outcome and format.", kStatusFormatLabels,
            kBookmark, kImportCommands);
constexpr FamilyDef kExportOperationsTotal =
    counter("export_operations_total", "Exports by format and outcome.", kFormatStatusLabels, kBookmark,
            kExportCommands);
constexpr FamilyDef kExportDurationSeconds =
    histogram("export_duration_seconds", "Time spent on one export.", kFormatLabel, kExportBuckets, kBookmark,
              kExportCommands);
constexpr FamilyDef kExportItemsTotal =
    counter("export_items_total", "Bookmarks written by exports.", kFormatLabel, kBookmark, kExportCommands);

constexpr FamilyDef kUnfurlOperationsTotal =
    counter("unfurl_operations_total",
            "Bookmark pages unfurled, by outcome (success, not_found, error, not_html, blocked).",
            kStatusLabel, kBookmark, kUnfurlCommands);
// An unfurl fetches and reads one page, as a poll fetches one feed: the feed poll buckets.
constexpr FamilyDef kUnfurlDurationSeconds =
    histogram("unfurl_duration_seconds", "Time spent fetching and reading one bookmark page.", kNoLabels,
              kFeedPollBuckets, kBookmark, kUnfurlCommands);

constexpr FamilyDef kModelInsertsTotal =
    counter("pebble_model_inserts_total", "Rows inserted by model.", kModelLabel, kAlways, kEveryCommand);
constexpr FamilyDef kModelUpdatesTotal =
    counter("pebble_model_updates_total", "Rows updated by model.", kModelLabel, kAlways, kEveryCommand);
constexpr FamilyDef kModelDeletesTotal =
    counter("pebble_model_deletes_total", "Rows deleted by model.", kModelLabel, kAlways, kEveryCommand);

constexpr FamilyDef kPushgatewayPushFailuresTotal =
    counter("pebble_pushgateway_push_failures_total", "Pushes to the Pushgateway that failed.", kNoLabels,
            kAlways, kEveryCommand);
constexpr FamilyDef kMetricsDroppedSeriesTotal = counter(
    "pebble_metrics_dropped_series_total", "Series dropped by the MAX_METRICS_PER_MINUTE cardinality guard.",
    kNoLabels, kAlways, kEveryCommand);

constexpr FamilyDef kJobLastSuccessTimestampSeconds = job_gauge(
    "pebble_job_last_success_timestamp_seconds", "Unix time the command last finished with status ok.");
constexpr FamilyDef kJobLastRunTimestampSeconds =
    job_gauge("pebble_job_last_run_timestamp_seconds",
              "Unix time the command's latest run finished (or started, while unfinished).");
constexpr FamilyDef kJobDurationSeconds =
    job_gauge("pebble_job_duration_seconds", "Wall time of the command's latest finished run.");
constexpr FamilyDef kJobLastRunSuccess =
    job_gauge("pebble_job_last_run_success", "1 when the command's latest run ended ok, else 0.");

// active_feeds_count keeps the web app's name for its dashboards. promtool reserves the `_count`
// suffix for histograms and summaries unless the family is untyped, so it is exposed untyped
// (PromQL treats it exactly like a gauge). It is pushed by poll-feeds, hence recorded_by.
constexpr FamilyDef kActiveFeedsCount{"active_feeds_count",
                                      MetricKind::kUntyped,
                                      "Number of active (non-disabled) feeds.",
                                      kNoLabels,
                                      kNoBuckets,
                                      kFeed,
                                      MetricOrigin::kStore,
                                      kFeedCommands};
// The feed-state gauges of the alert rules: poll-feeds pushes them too, for hosts without serve.
// `feeds` changes those states (add, remove, disable, enable), so it pushes them as well.
constexpr FamilyDef kFeeds = store_gauge("pebble_feeds", "Feeds by state (active, failing, disabled).",
                                         kStateLabel, kFeed, kPollFeedsBit | kFeedsBit);
constexpr FamilyDef kFeedsDue = store_gauge("pebble_feeds_due", "Enabled feeds due for a poll.", kNoLabels,
                                            kFeed, kPollFeedsBit | kFeedsBit);
constexpr FamilyDef kFeedItems = store_gauge("pebble_feed_items", "Stored feed items.", kNoLabels, kFeed);
constexpr FamilyDef kBookmarks = store_gauge("pebble_bookmarks", "Stored bookmarks.", kNoLabels, kBookmark);
constexpr FamilyDef kTags = store_gauge("pebble_tags", "Stored tags.", kNoLabels, kBookmark);
constexpr FamilyDef kUsers = store_gauge("pebble_users", "Stored users.", kNoLabels, kAlways);
constexpr FamilyDef kImportJobs =
    store_gauge("pebble_import_jobs", "Import jobs by status.", kStatusLabel, kBookmark);
constexpr FamilyDef kBookmarkCountByUser =
    store_gauge("bookmark_count_by_user", "Number of bookmarks per user.", kUserLabel, kUser);

constexpr FamilyDef kStoreUp =
    process_gauge("pebble_store_up", "1 when the last store query pass succeeded.");
constexpr FamilyDef kStoreQueryDurationSeconds =
    process_gauge("pebble_store_query_duration_seconds", "Wall time of the last store query pass.");
constexpr FamilyDef kBuildInfo =
    process_gauge("pebble_build_info", "Always 1; labelled with the build.", kVersionRevisionLabels);
constexpr FamilyDef kProcessCpuSecondsTotal{"process_cpu_seconds_total",
                                            MetricKind::kCounter,
                                            "Total user and system CPU time spent in seconds.",
                                            kNoLabels,
                                            kNoBuckets,
                                            kAlways,
                                            MetricOrigin::kProcess,
                                            kNoCommand};
constexpr FamilyDef kProcessResidentMemoryBytes =
    process_gauge("process_resident_memory_bytes", "Resident memory size in bytes.");
constexpr FamilyDef kProcessVirtualMemoryBytes =
    process_gauge("process_virtual_memory_bytes", "Virtual memory size in bytes.");
constexpr FamilyDef kProcessOpenFds = process_gauge("process_open_fds", "Number of open file descriptors.");
constexpr FamilyDef kProcessMaxFds =
    process_gauge("process_max_fds", "Maximum number of open file descriptors.");
constexpr FamilyDef kProcessStartTimeSeconds =
    process_gauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.");

constexpr FamilyDef kHttpRequestsTotal{"pebble_http_requests_total",
                                       MetricKind::kCounter,
                                       "HTTP requests answered by serve, by handler and status code.",
                                       kHandlerCodeLabels,
                                       kNoBuckets,
                                       kAlways,
                                       MetricOrigin::kServe,
                                       kNoCommand};
constexpr FamilyDef kHttpRequestDurationSeconds{"pebble_http_request_duration_seconds",
                                                MetricKind::kHistogram,
                                                "Time serve spent answering a request.",
                                                kHandlerLabel,
                                                kHttpBuckets,
                                                kAlways,
                                                MetricOrigin::kServe,
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
                                  &kUnfurlOperationsTotal,
                                  &kUnfurlDurationSeconds,
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
  if (command == kCommandFeeds) return kFeedsBit;
  if (command == kCommandItems) return kItemsBit;
  if (command == kCommandBookmarks) return kBookmarksBit;
  if (command == kCommandUnfurl) return kUnfurlBit;
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

bool family_enabled(const FamilyDef& family, const config::MetricsSettings& settings) {
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
