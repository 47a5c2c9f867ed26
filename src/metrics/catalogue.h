#pragma once
// The metric catalogue (SPEC §8): the one place every metric family name, type, help text, label
// set and bucket layout is written down. Everything else refers to the FamilyDef constants below,
// never to a name spelled as a string.
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "config/config.h"

namespace pebble::metrics {

// The Prometheus type a family is exposed with.
enum class MetricKind { kCounter, kGauge, kHistogram, kUntyped };

// Which MetricsSettings switch (besides the master switch) gates a family.
enum class MetricGate { kAlways, kFeed, kBookmark, kUser };

// Batch commands as a bit set: which commands record a family into the store.
enum CommandBit : std::uint32_t {
  kNoCommand = 0,
  kPollFeedsBit = 1U << 0,
  kImportBit = 1U << 1,
  kExportBit = 1U << 2,
  kTestMetricsBit = 1U << 3,
  kFeedsBit = 1U << 4,
  kItemsBit = 1U << 5,
  kBookmarksBit = 1U << 6,
  kUnfurlBit = 1U << 7,
  kEveryCommand = kPollFeedsBit | kImportBit | kExportBit | kTestMetricsBit | kFeedsBit | kItemsBit |
                  kBookmarksBit | kUnfurlBit,
};

// Where a family's samples come from.
enum class MetricOrigin {
  kRecorded,  // cumulative series in the store, written by MetricsRecorder, exposed with `command`
  kJobRuns,   // pebble_job_* gauges derived from the job_runs table
  kStore,     // gauges counted from the store's tables on demand
  kServe,     // serve's own HTTP families, passed into the exposition by the caller
  kProcess,   // build info, process_* and the store probe, computed by the exposing process
};

// One metric family: everything needed to record, validate and expose it.
struct FamilyDef {
  std::string_view name;
  MetricKind kind;
  std::string_view help;
  std::span<const std::string_view> label_names;  // in canonical order; `command` is added on exposure
  std::span<const double> buckets;                // histogram upper bounds without +Inf
  MetricGate gate;
  MetricOrigin origin;
  std::uint32_t recorded_by;  // CommandBit set: the commands whose push body carries this family
};

// The recording command names (SPEC §8, `command` label and push grouping key).
inline constexpr std::string_view kCommandPollFeeds = "poll-feeds";
inline constexpr std::string_view kCommandImport = "import";
inline constexpr std::string_view kCommandExport = "export";
inline constexpr std::string_view kCommandTestMetrics = "test-metrics";
// The store-management commands record their writes like the batch commands (feeds add, remove,
// disable, enable; items mark-read, mark-unread; bookmarks add, tag, untag, delete).
inline constexpr std::string_view kCommandFeeds = "feeds";
inline constexpr std::string_view kCommandItems = "items";
inline constexpr std::string_view kCommandBookmarks = "bookmarks";
// `pebble unfurl` reads bookmark pages and fills their bookmarks (issue #15).
inline constexpr std::string_view kCommandUnfurl = "unfurl";

// The CommandBit of a recording command's name; kNoCommand for anything else (serve, metrics-show).
std::uint32_t command_bit(std::string_view command);

// Every family in exposition order.
std::span<const FamilyDef* const> all_families();

// The family with this name, or nullptr.
const FamilyDef* find_family(std::string_view name);

// Whether the settings let this family be recorded and exposed.
bool family_enabled(const FamilyDef& family, const config::MetricsSettings& settings);

// The text of a MetricKind as written on a `# TYPE` line.
std::string_view kind_text(MetricKind kind);

namespace metric {
// Feed polling (poll-feeds).
extern const FamilyDef kFeedPollsTotal;
extern const FamilyDef kFeedPollErrorsTotal;
extern const FamilyDef kFeedPollDurationSeconds;
extern const FamilyDef kFeedItemsDiscoveredTotal;
// Bookmarks, imports and exports.
extern const FamilyDef kBookmarkOperationsTotal;
extern const FamilyDef kImportJobsTotal;
extern const FamilyDef kImportJobDurationSeconds;
extern const FamilyDef kImportItemsProcessedTotal;
extern const FamilyDef kExportOperationsTotal;
extern const FamilyDef kExportDurationSeconds;
extern const FamilyDef kExportItemsTotal;
// Unfurling bookmark pages (unfurl, bookmarks add, test-metrics).
extern const FamilyDef kUnfurlOperationsTotal;
extern const FamilyDef kUnfurlDurationSeconds;
// Row writes by model, recorded by every writer.
extern const FamilyDef kModelInsertsTotal;
extern const FamilyDef kModelUpdatesTotal;
extern const FamilyDef kModelDeletesTotal;
// Metrics plumbing, recorded by every batch command.
extern const FamilyDef kPushgatewayPushFailuresTotal;
extern const FamilyDef kMetricsDroppedSeriesTotal;
// Job-run gauges, from job_runs.
extern const FamilyDef kJobLastSuccessTimestampSeconds;
extern const FamilyDef kJobLastRunTimestampSeconds;
extern const FamilyDef kJobDurationSeconds;
extern const FamilyDef kJobLastRunSuccess;
// Store-derived gauges.
extern const FamilyDef kActiveFeedsCount;
extern const FamilyDef kFeeds;
extern const FamilyDef kFeedsDue;
extern const FamilyDef kFeedItems;
extern const FamilyDef kBookmarks;
extern const FamilyDef kTags;
extern const FamilyDef kUsers;
extern const FamilyDef kImportJobs;
extern const FamilyDef kBookmarkCountByUser;
// The exposing process: store probe, build and process families.
extern const FamilyDef kStoreUp;
extern const FamilyDef kStoreQueryDurationSeconds;
extern const FamilyDef kBuildInfo;
extern const FamilyDef kProcessCpuSecondsTotal;
extern const FamilyDef kProcessResidentMemoryBytes;
extern const FamilyDef kProcessVirtualMemoryBytes;
extern const FamilyDef kProcessOpenFds;
extern const FamilyDef kProcessMaxFds;
extern const FamilyDef kProcessStartTimeSeconds;
// serve's HTTP families.
extern const FamilyDef kHttpRequestsTotal;
extern const FamilyDef kHttpRequestDurationSeconds;
}  // namespace metric

}  // namespace pebble::metrics
