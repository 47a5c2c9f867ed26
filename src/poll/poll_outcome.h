#pragma once
// What one poll of one feed came to (SPEC §6 outcomes table), as a value: 304, 410, a timeout or a
// parse error are outcomes, not exceptions. classify_response turns a fetch into an outcome.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "http/http_client.h"
#include "parse/parsed_feed.h"
#include "poll/unchanged_items.h"
#include "support/time.h"

namespace pebble::poll {

// The feed_polls_total{status} values.
enum class PollStatus { kSuccess, kNotModified, kNotFound, kGone, kError };

// The feed_poll_errors_total{reason} values; kNone for polls that did not fail.
enum class PollErrorReason {
  kNone,
  kTimeout,
  kDns,
  kConnect,
  kTls,
  kHttp4xx,
  kHttp5xx,
  kTooLarge,
  kRedirects,
  kParse
};

// "success", "not_modified", "not_found", "gone", "error".
const char* poll_status_name(PollStatus status);

// "timeout", "dns", ... ("" for kNone).
const char* poll_error_reason_name(PollErrorReason reason);

// The outcome of one poll.
struct PollOutcome {
  PollStatus status = PollStatus::kError;
  PollErrorReason reason = PollErrorReason::kNone;
  std::optional<int> http_status;                 // null when no response arrived
  std::string error;                              // one line for failed polls, empty otherwise
  std::optional<std::string> moved_to;            // final URL of a 301/308-only redirect chain ending in 200
  std::optional<support::Timestamp> retry_after;  // 429/503 Retry-After
  std::optional<std::chrono::seconds> max_age;    // Cache-Control max-age
  std::optional<std::string> etag;                // validators of the final response
  std::optional<std::string> last_modified;
  std::optional<parse::ParsedFeed> feed;  // set exactly when status == kSuccess
  // Guids of the document's items that are as stored (unchanged_items.h): left out of feed->items
  // unsanitized, only to be marked seen.
  std::vector<std::string> unchanged_guids;
  double duration_seconds = 0;
};

// True for outcomes that count as failures (backoff, last_error).
bool is_failure(const PollOutcome& outcome);

// Classifies a completed fetch of `feed_url`, parsing the body of a 200. Never throws for anything
// the server sent. A cancelled fetch must not reach here. Of the feed's items, the newest
// `max_items` are kept (the rest are counted in feed->items_dropped); with `stored`, those whose
// fingerprint is the stored one go to unchanged_guids; the others are sanitized.
PollOutcome classify_response(const http::FetchResponse& response, const std::string& feed_url,
                              support::Timestamp now, std::size_t max_items = SIZE_MAX,
                              const StoredFingerprints& stored = nullptr);

}  // namespace pebble::poll
