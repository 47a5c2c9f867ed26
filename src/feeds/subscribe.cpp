#include "feeds/subscribe.h"

#include <utility>

#include "feeds/feed_listing.h"
#include "feeds/page_discovery.h"
#include "metrics/row_write_counters.h"
#include "poll/poll_outcome.h"
#include "poll/poll_writer.h"
#include "support/stop_signal.h"

namespace pebble::feeds {

namespace {

// A URL still to fetch: the result it decides, and whether it is a page's announced feed already.
struct PendingFetch {
  std::size_t result = 0;
  std::string url;
  bool announced = false;
};

// One line saying why a fetch is not a feed, starting with the URL asked for.
std::string failure_text(const std::string& url, const http::FetchResponse& response,
                         const poll::PollOutcome& outcome) {
  if (response.failure != http::FetchFailure::kNone) return response.error;  // "URL: reason"
  if (outcome.status == poll::PollStatus::kGone) return url + ": HTTP 410: the feed is gone";
  if (response.status != 200) return url + ": HTTP " + std::to_string(response.status);
  if (is_html_page(response)) return url + ": an HTML page, not a feed (give the address of the feed itself)";
  return outcome.error;  // a parse error: "FINAL_URL: not a feed: …"
}

// Subscribes `url` with the outcome of its first fetch: the feed row and its tags in one
// transaction, then the items and the feed's state as a poll writes them.
void store_subscription(store::Store& store, metrics::MetricsRecorder& recorder, const std::string& url,
                        const poll::PollOutcome& outcome, const SubscribeOptions& options,
                        const support::Clock& clock, SubscribeResult& result) {
  domain::Feed feed;
  {
    store::Transaction transaction(store, store::TxMode::kWrite);
    auto [row, created] = store.get_or_create_feed(url);
    if (!created) {  // another process subscribed it since the lookup
      result.status = SubscribeStatus::kAlreadySubscribed;
      result.feed = row;
      return;
    }
    if (!options.tags.empty()) store.set_feed_tags(row.id, options.tags);
    metrics::record_inserts(recorder, metrics::kModelFeed);
    recorder.flush(store);
    transaction.commit();
    feed = row;
  }
  try {
    const poll::RecordedPoll recorded =
        poll::record_poll(store, recorder, feed, outcome, clock.now(), options.interval, options.retention);
    result.status = SubscribeStatus::kAdded;
    result.feed = recorded.feed;
    result.new_items = recorded.new_item_indexes.size();
  } catch (...) {
    // The items could not be stored: the feed row must not stay behind without them.
    try {
      store::Transaction transaction(store, store::TxMode::kWrite);
      if (store.delete_feed(feed.id)) metrics::record_deletes(recorder, metrics::kModelFeed);
      recorder.flush(store);
      transaction.commit();
    } catch (...) {  // the store's first error is the one to report
    }
    throw;
  }
}

}  // namespace

std::vector<SubscribeResult> subscribe_feeds(store::Store& store, http::Fetcher& fetcher,
                                             metrics::MetricsRecorder& recorder,
                                             const std::vector<std::string>& urls,
                                             const SubscribeOptions& options, const support::Clock& clock) {
  std::vector<SubscribeResult> results(urls.size());
  std::vector<PendingFetch> pending;
  for (std::size_t index = 0; index < urls.size(); ++index) {
    results[index].url = urls[index];
    if (auto existing = find_feed(store, urls[index])) {
      results[index].status = SubscribeStatus::kAlreadySubscribed;
      results[index].feed = std::move(existing);
    } else {
      pending.push_back({index, urls[index], false});
    }
  }
  // A page that announces its feed sends that URL to a second round; a feed is never fetched twice.
  while (!pending.empty()) {
    std::vector<http::FetchRequest> requests;
    for (const PendingFetch& fetch : pending) requests.push_back({fetch.url, std::nullopt, std::nullopt});
    std::vector<http::FetchResponse> responses(requests.size());
    fetcher.fetch_all(
        requests,
        [&](std::size_t index, http::FetchResponse response) { responses[index] = std::move(response); },
        support::stop_flag());
    std::vector<PendingFetch> next;
    for (std::size_t index = 0; index < pending.size(); ++index) {
      const PendingFetch& fetch = pending[index];
      SubscribeResult& result = results[fetch.result];
      const http::FetchResponse& response = responses[index];
      const poll::PollOutcome outcome =
          poll::classify_response(response, fetch.url, clock.now(), options.max_items);
      if (outcome.status == poll::PollStatus::kSuccess) {
        store_subscription(store, recorder, fetch.url, outcome, options, clock, result);
        continue;
      }
      if (!fetch.announced && response.status == 200 && is_html_page(response)) {
        if (auto announced = announced_feed_url(response)) {
          next.push_back({fetch.result, *announced, true});
          continue;
        }
      }
      result.error = failure_text(fetch.url, response, outcome);
    }
    pending = std::move(next);
  }
  return results;
}

}  // namespace pebble::feeds
