#pragma once
// The store (SPEC §2): the union of its roles, which both backends implement. Standard library
// only: driver types never leak out of the implementations. Every method throws StoreError
// (support/error.h) on failure; writes happen inside the transaction the caller opened, so data
// and its metric deltas commit together. Consumers take only the roles they use.
#include "store/bookmark_store.h"
#include "store/feed_store.h"
#include "store/item_store.h"
#include "store/job_store.h"
#include "store/metric_store.h"
#include "store/subscription_store.h"
#include "store/transaction_store.h"
#include "store/unfurl_store.h"

namespace pebble::store {

// The whole store, as open_store (store/open_store.h) returns it: a SQLite and a PostgreSQL
// implementation.
class Store : public BookmarkStore,
              public FeedStore,
              public SubscriptionStore,
              public ItemStore,
              public ImportJobStore,
              public JobRunStore,
              public MetricStore,
              public UnfurlStore,
              public TransactionStore {};

}  // namespace pebble::store
