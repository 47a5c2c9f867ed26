#pragma once
// poll-feeds' engine (SPEC §6): chooses the feeds (leases, schedule, explicit URLs), fetches them
// through a Fetcher, classifies and stores each outcome in its own transaction, and reports.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "http/http_client.h"
#include "metrics/recorder.h"
#include "poll/poll_outcome.h"
#include "poll/poll_writer.h"
#include "support/clock.h"

namespace pebble::poll {

// What to poll and how.
struct PollOptions {
  std::vector<std::string> urls;        // when non-empty: exactly these feeds, subscribing new ones
  std::vector<std::int64_t> feed_ids;   // when non-empty (and no urls): exactly these feeds
  bool all = false;                     // ignore the schedule
  std::optional<std::int64_t> limit;    // at most this many due feeds, oldest due first
  bool dry_run = false;                 // fetch and parse only; store nothing
  std::chrono::seconds interval{1800};  // base poll interval
  std::chrono::seconds lease{120};      // how long a claimed batch stays ours
  std::size_t batch_size = 16;          // feeds claimed and fetched together
  std::size_t max_items = 1000;         // items taken from one feed per poll, newest first
  domain::ItemRetention retention;      // what goes once it leaves the feed (PEBBLE_ITEM_RETENTION)
  std::string lease_owner;              // unique per worker process
};

// One polled feed, for --json and logs.
struct FeedReport {
  std::string url;  // the URL that was fetched
  PollOutcome outcome;
  std::optional<std::string> title;  // the feed's metadata after the poll
  std::optional<std::string> link;
  std::optional<std::string> description;
  std::optional<std::string> image;  // from this poll's document (not stored): logo, RSS image, itunes:image
  std::optional<std::string> icon;
  std::vector<parse::ParsedItem> items;  // every parsed item (dry run) or the new ones
  std::size_t new_items = 0;
  std::size_t unchanged_items = 0;  // sent as stored: neither sanitized nor rewritten (unchanged_items.h)
  std::int64_t items_deleted = 0;   // by PEBBLE_ITEM_RETENTION
};

// Totals of a run, for the stderr summary and job_runs.
struct PollSummary {
  std::size_t polled = 0;
  std::size_t ok = 0;
  std::size_t not_modified = 0;
  std::size_t failed = 0;
  std::map<std::string, std::size_t> failed_by_reason;  // feed_poll_errors_total reasons, and not_found
  std::size_t disabled = 0;
  std::size_t new_items = 0;
  std::int64_t items_deleted = 0;
  double seconds = 0;
  bool interrupted = false;
};

// Called once per polled feed as it completes.
using FeedReportSink = std::function<void(FeedReport&)>;

// Runs one poll-feeds pass.
class Poller {
 public:
  // `clock` dates the claims, leases, schedule and outcomes; commands pass system_clock().
  Poller(PollStores stores, http::Fetcher& fetcher, metrics::MetricsRecorder& recorder, PollOptions options,
         const support::Clock& clock);

  // Polls every selected feed; returns when done or when `stop` turns true (what finished is kept,
  // unfinished leases are released). Throws StoreError when the store fails.
  PollSummary run(const FeedReportSink& report, const std::atomic<bool>* stop);

 private:
  void prepare();
  std::vector<domain::Feed> next_batch();
  std::vector<domain::Feed> claim(const std::vector<std::int64_t>& ids,
                                  std::optional<std::int64_t> due_limit);
  void poll_batch(const std::vector<domain::Feed>& feeds, const FeedReportSink& report,
                  const std::atomic<bool>* stop);
  void finish_feed(const domain::Feed& feed, const http::FetchResponse& response,
                   const FeedReportSink& report);
  // record_poll, tried a second time when the store fails the first (a reconnecting session).
  RecordedPoll record_poll_retrying_once(const domain::Feed& feed, const PollOutcome& outcome,
                                         support::Timestamp now);
  void release(const std::vector<domain::Feed>& feeds);
  void count(const FeedReport& report);

  PollStores stores_;
  http::Fetcher& fetcher_;
  metrics::MetricsRecorder& recorder_;
  const support::Clock& clock_;
  PollOptions options_;
  PollSummary summary_;
  std::vector<domain::Feed> listed_;    // dry run: feeds selected up front, polled in order
  std::vector<std::int64_t> id_queue_;  // explicit ids / --all: ids still to claim
  bool by_ids_ = false;
  std::size_t cursor_ = 0;
  std::size_t due_claimed_ = 0;
  std::map<std::int64_t, bool> seen_;  // ids already polled in this run
};

}  // namespace pebble::poll
