#pragma once
// `feeds add`: subscribing to feeds that answer. Each URL is fetched once (all of them
// concurrently); a response that parses as a feed is subscribed, with its items, in the same way a
// poll stores them; an HTML page has the feeds it announces subscribed in its place (a second
// round of fetches). Anything else stores nothing and says why.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "domain/model.h"
#include "http/http_client.h"
#include "metrics/recorder.h"
#include "store/store.h"
#include "support/clock.h"

namespace pebble::feeds {

// How new subscriptions are made.
struct SubscribeOptions {
  std::vector<std::string> tags;        // given to every new feed
  std::chrono::seconds interval{1800};  // base poll interval (PEBBLE_POLL_INTERVAL)
  domain::ItemRetention retention;      // PEBBLE_ITEM_RETENTION
  std::size_t max_items = 1000;         // items taken from the first fetch, newest first
  bool all_feeds = false;               // a page's every announced feed, not the first of each type
};

// What became of one URL.
enum class SubscribeStatus { kAdded, kAlreadySubscribed, kFailed };

// One feed's outcome, or a URL's that gave no feed.
struct SubscribeResult {
  std::string url;                  // as asked (in its subscription form), or as a page announced it
  std::optional<std::string> page;  // the page asked for that announced `url`
  SubscribeStatus status = SubscribeStatus::kFailed;
  std::string error;                 // why it failed: one line naming the URL
  std::optional<domain::Feed> feed;  // the subscribed (or existing) row
  std::size_t new_items = 0;         // items stored by the first fetch
};

// Subscribes each of `urls` (normalized by domain::normalize_feed_url) that is not subscribed yet
// and answers with a feed, and the feeds announced by those that answer with an HTML page; results
// come in the order of `urls`, a page's feeds in the page's order. Writes go through `store` in transactions
// of their own with their metric deltas (a feed insert, its first poll as poll-feeds records it); a URL that
// fails writes nothing. Throws StoreError when the store fails (the feed being added is not kept).
std::vector<SubscribeResult> subscribe_feeds(store::Store& store, http::Fetcher& fetcher,
                                             metrics::MetricsRecorder& recorder,
                                             const std::vector<std::string>& urls,
                                             const SubscribeOptions& options, const support::Clock& clock);

}  // namespace pebble::feeds
