#pragma once
// `pebble unfurl`'s engine: fetches bookmark pages through the polite Fetcher (poll-feeds'), reads
// each (page_reader.h) and stores it in its own transaction as it completes (unfurl_writer.h), so
// an interrupted or killed run keeps every page it finished.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "http/http_client.h"
#include "metrics/recorder.h"
#include "store/unfurl_store.h"
#include "support/clock.h"
#include "unfurl/page_reader.h"
#include "unfurl/unfurl_writer.h"

namespace pebble::unfurl {

// How a run unfurls.
struct UnfurlOptions {
  WriteOptions write;
  std::size_t batch_size = 64;  // bookmarks read from the store and fetched together
};

// One unfurled page, for the output and the logs.
struct PageReport {
  store::UnfurlTarget target;
  PageRead read;
  WrittenUnfurl written;
};

// Totals of a run, for the summary line and job_runs.
struct UnfurlSummary {
  std::size_t pages = 0;
  std::map<std::string, std::size_t> by_status;  // every status, 0 included
  std::size_t titles_filled = 0;
  std::size_t descriptions_filled = 0;
  std::size_t feed_urls_filled = 0;
  std::size_t feeds_subscribed = 0;
  double seconds = 0;
  bool interrupted = false;
  // Pages whose status is not success.
  std::size_t failed() const;
};

// Called once per page as it is stored.
using PageSink = std::function<void(const PageReport&)>;

// Runs unfurls; one per command run.
class Unfurler {
 public:
  // `clock` dates the rows; commands pass system_clock().
  Unfurler(UnfurlStores stores, http::Fetcher& fetcher, metrics::MetricsRecorder& recorder,
           UnfurlOptions options, const support::Clock& clock);

  // Unfurls exactly these bookmarks, in order of completion.
  void unfurl(const std::vector<store::UnfurlTarget>& targets, const PageSink& sink,
              const std::atomic<bool>* stop);
  // Unfurls the owner's bookmarks in id order (only the missing ones with `missing_only`, at most
  // `limit`), reading them from the store a batch at a time.
  void unfurl_owner(std::int64_t owner_id, bool missing_only, std::optional<std::int64_t> limit,
                    const PageSink& sink, const std::atomic<bool>* stop);

  // What the calls so far did.
  UnfurlSummary summary() const;

 private:
  void unfurl_batch(const std::vector<store::UnfurlTarget>& targets, const PageSink& sink,
                    const std::atomic<bool>* stop);
  void count(const PageReport& report);

  UnfurlStores stores_;
  http::Fetcher& fetcher_;
  metrics::MetricsRecorder& recorder_;
  UnfurlOptions options_;
  const support::Clock& clock_;
  UnfurlSummary summary_;
  std::chrono::steady_clock::time_point started_;
};

}  // namespace pebble::unfurl
