#pragma once
// The store roles the import engine uses.
#include "store/bookmark_store.h"
#include "store/feed_store.h"
#include "store/job_store.h"
#include "store/metric_store.h"
#include "store/roles.h"
#include "store/subscription_store.h"
#include "store/transaction_store.h"

namespace pebble::bookmarks {

// Users and bookmarks, the feed rows bookmarks and subscriptions make (with their tags), the
// import_jobs row, and the metric tables, written in the import's own transactions.
struct ImportStores {
  // The roles of one object (the whole Store, or a fake of just these); implicit, so callers pass it as is.
  template <typename Roles>
  requires store::implements_roles<Roles, store::BookmarkStore, store::FeedStore, store::SubscriptionStore,
                                   store::ImportJobStore, store::MetricStore, store::TransactionStore>
  ImportStores(Roles& store)
      : bookmarks(store),
        feeds(store),
        subscriptions(store),
        import_jobs(store),
        metrics(store),
        transactions(store) {}

  store::BookmarkStore& bookmarks;
  store::FeedStore& feeds;
  store::SubscriptionStore& subscriptions;
  store::ImportJobStore& import_jobs;
  store::MetricStore& metrics;
  store::TransactionStore& transactions;
};

}  // namespace pebble::bookmarks
