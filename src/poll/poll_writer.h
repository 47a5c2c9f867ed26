#pragma once
// Stores one poll: the feed's new state, its items and the poll's metric deltas in ONE write
// transaction, so a crash never leaves items without the counters that describe them (SPEC §8).
#include <chrono>
#include <cstddef>
#include <vector>

#include "domain/model.h"
#include "metrics/recorder.h"
#include "poll/poll_outcome.h"
#include "store/feed_store.h"
#include "store/metric_store.h"
#include "store/roles.h"
#include "store/transaction_store.h"

namespace pebble::poll {

// The store roles polling uses: feeds and items, and the metric tables, in its own transactions.
struct PollStores {
  // The roles of one object (the whole Store, or a fake of just these); implicit, so callers pass it as is.
  template <typename Roles>
  requires store::implements_roles<Roles, store::FeedStore, store::MetricStore, store::TransactionStore>
  PollStores(Roles& store) : feeds(store), metrics(store), transactions(store) {}

  store::FeedStore& feeds;
  store::MetricStore& metrics;
  store::TransactionStore& transactions;
};

// What storing a poll did.
struct RecordedPoll {
  domain::Feed feed;                          // the row as written
  std::vector<std::size_t> new_item_indexes;  // positions in outcome.feed->items that were inserted
  std::int64_t items_deleted = 0;             // by the retention rules
};

// Applies `outcome` to `claimed` (polled at `now`), upserts the parsed items, marks the unchanged
// ones (outcome.unchanged_guids) seen, applies `retention`
// to the items the document no longer holds, records the poll's metrics into `recorder` and
// flushes them, and commits. Throws StoreError when the store refuses.
RecordedPoll record_poll(PollStores stores, metrics::MetricsRecorder& recorder, const domain::Feed& claimed,
                         const PollOutcome& outcome, support::Timestamp now,
                         std::chrono::seconds base_interval, const domain::ItemRetention& retention);

// Counts a poll in the feed_* families (status, error reason, duration, new items).
void record_poll_metrics(metrics::MetricsRecorder& recorder, const PollOutcome& outcome,
                         std::size_t new_items);

}  // namespace pebble::poll
