#pragma once
// The feeds commands' writes: unsubscribing (the feed and its items go) and disabling or enabling
// feeds, each call one write transaction with its metric deltas (pebble_model_*_total).
#include <cstdint>
#include <string>
#include <vector>

#include "domain/model.h"
#include "metrics/recorder.h"
#include "store/feed_store.h"
#include "store/metric_store.h"
#include "store/roles.h"
#include "store/subscription_store.h"
#include "store/transaction_store.h"

namespace pebble::feeds {

// The store roles the feed writes use, in transactions of their own.
struct FeedWriteStores {
  // The roles of one object (the whole Store, or a fake of just these); implicit, so callers pass it as is.
  template <typename Roles>
  requires store::implements_roles<Roles, store::FeedStore, store::SubscriptionStore, store::MetricStore,
                                   store::TransactionStore>
  FeedWriteStores(Roles& store) : feeds(store), subscriptions(store), metrics(store), transactions(store) {}

  store::FeedStore& feeds;
  store::SubscriptionStore& subscriptions;
  store::MetricStore& metrics;
  store::TransactionStore& transactions;
};

// One feed a remove deleted, with the number of its items that went along.
struct RemovedFeed {
  domain::Feed feed;
  std::int64_t items = 0;
};

// Deletes the feeds (by id) with their items and tags; a feed already gone is skipped. Counts
// pebble_model_deletes_total{model="feed"} and {model="feed_item"}.
std::vector<RemovedFeed> remove_feeds(FeedWriteStores stores, metrics::MetricsRecorder& recorder,
                                      const std::vector<domain::Feed>& feeds);

// How a disable or enable left one feed.
struct FeedSwitch {
  domain::Feed feed;     // the row as it is now
  bool changed = false;  // false: it already was so
};

// Disables the feeds with `reason` (a disabled feed takes the new reason). Counts
// pebble_model_updates_total{model="feed"} per changed row.
std::vector<FeedSwitch> disable_feeds(FeedWriteStores stores, metrics::MetricsRecorder& recorder,
                                      const std::vector<domain::Feed>& feeds, const std::string& reason);

// Enables the feeds and makes them due now with their failure count reset, so the next poll-feeds
// run retries them. Throws Error for the self-test's feeds, which must stay disabled.
std::vector<FeedSwitch> enable_feeds(FeedWriteStores stores, metrics::MetricsRecorder& recorder,
                                     const std::vector<domain::Feed>& feeds);

}  // namespace pebble::feeds
