#include "feeds/subscribe.h"

#include <utility>

#include "feeds/feed_listing.h"
#include "feeds/page_discovery.h"
#include "metrics/row_write_counters.h"
#include "poll/poll_outcome.h"
#include "poll/poll_writer.h"
#include "support/redact.h"
#include "support/stop_signal.h"
#include "unfurl/page_reader.h"

namespace pebble::feeds {

namespace {

// A URL still to fetch: the asked URL it answers for, its place among that URL's results, and the
// page that announced it, if any.
struct PendingFetch {
  std::size_t asked = 0;
  std::size_t slot = 0;
  std::string url;
  std::optional<std::string> page;
};

// One line saying why a fetch is not a feed, starting with the URL asked for.
std::string failure_text(const PendingFetch& fetch, const http::FetchResponse& response,
                         const poll::PollOutcome& outcome) {
  const std::string where = fetch.page ? fetch.url + " (announced by " + *fetch.page + ")" : fetch.url;
  if (response.failure != http::FetchFailure::kNone) {
    // The fetcher's line starts with the URL; a page's feed says which page announced it.
    const std::string fetched = support::redact_credentials(fetch.url);
    if (!fetch.page || !response.error.starts_with(fetched)) return response.error;
    return where + response.error.substr(fetched.size());
  }
  if (outcome.status == poll::PollStatus::kGone) return where + ": HTTP 410: the feed is gone";
  if (response.status != 200) return where + ": HTTP " + std::to_string(response.status);
  if (unfurl::is_html_page(response)) {
    if (fetch.page) return where + ": an HTML page, not a feed";
    return where +
           ": an HTML page that announces no feed (no <link rel=\"alternate\"> of an RSS, Atom or JSON Feed "
           "type; give the address of the feed itself)";
  }
  return fetch.page ? where + ": " + outcome.error
                    : outcome.error;  // a parse error: "FINAL_URL: not a feed: …"
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
  // Results per asked URL: one, or for a page one per feed it announces, in the page's order.
  std::vector<std::vector<SubscribeResult>> results(urls.size());
  std::vector<PendingFetch> pending;
  // Fills the result of `fetch` when its feed is subscribed already; false when it is to be fetched.
  const auto found_subscribed = [&](const PendingFetch& fetch) {
    auto existing = find_feed(store, fetch.url);
    if (!existing) return false;
    SubscribeResult& result = results[fetch.asked][fetch.slot];
    result.status = SubscribeStatus::kAlreadySubscribed;
    result.feed = std::move(existing);
    return true;
  };
  // Makes the result of `fetch` and queues its fetch unless the feed is subscribed already.
  const auto prepare = [&](const PendingFetch& fetch, std::vector<PendingFetch>& queue) {
    SubscribeResult& result = results[fetch.asked][fetch.slot];
    result.url = fetch.url;
    result.page = fetch.page;
    if (!found_subscribed(fetch)) queue.push_back(fetch);
  };
  for (std::size_t index = 0; index < urls.size(); ++index) {
    results[index].resize(1);
    prepare({index, 0, urls[index], std::nullopt}, pending);
  }
  // A page sends the feeds it announces to a second round, which follows no further page.
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
      const http::FetchResponse& response = responses[index];
      const poll::PollOutcome outcome =
          poll::classify_response(response, fetch.url, clock.now(), options.max_items);
      if (outcome.status == poll::PollStatus::kSuccess) {
        store_subscription(store, recorder, fetch.url, outcome, options, clock,
                           results[fetch.asked][fetch.slot]);
        continue;
      }
      if (!fetch.page && response.status == 200 && unfurl::is_html_page(response)) {
        const auto announced = feeds_to_follow(response, options.all_feeds);
        if (!announced.empty()) {
          results[fetch.asked].resize(announced.size());
          for (std::size_t slot = 0; slot < announced.size(); ++slot)
            prepare({fetch.asked, slot, announced[slot].url, fetch.url}, next);
          continue;
        }
      }
      results[fetch.asked][fetch.slot].error = failure_text(fetch, response, outcome);
    }
    pending = std::move(next);
  }
  std::vector<SubscribeResult> flat;
  for (auto& of_url : results) {
    for (SubscribeResult& result : of_url) flat.push_back(std::move(result));
  }
  return flat;
}

}  // namespace pebble::feeds
