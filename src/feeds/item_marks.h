#pragma once
// `items mark-read` and `items mark-unread`: the read state of feed items, written in one
// transaction with its metric deltas.
#include "metrics/recorder.h"
#include "store/item_store.h"
#include "store/metric_store.h"
#include "store/roles.h"
#include "store/transaction_store.h"
#include "support/time.h"

namespace pebble::feeds {

// The store roles marking uses.
struct ItemMarkStores {
  // The roles of one object (the whole Store, or a fake of just these); implicit, so callers pass it as is.
  template <typename Roles>
  requires store::implements_roles<Roles, store::ItemStore, store::MetricStore, store::TransactionStore>
  ItemMarkStores(Roles& store) : items(store), metrics(store), transactions(store) {}

  store::ItemStore& items;
  store::MetricStore& metrics;
  store::TransactionStore& transactions;
};

// Marks the selected items read at `now` (read) or unread, counting each changed row in
// pebble_model_updates_total{model="feed_item"}.
store::MarkResult mark_items(ItemMarkStores stores, metrics::MetricsRecorder& recorder,
                             const store::ItemSelection& selection, bool read, support::Timestamp now);

}  // namespace pebble::feeds
