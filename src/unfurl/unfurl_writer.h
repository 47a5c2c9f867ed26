#pragma once
// Storing one unfurled page: the bookmark's bookmark_unfurls row, the empty bookmark fields it
// fills (fill_rules.h), the feed row of a feed_url it fills (the next poll-feeds fetches it, as the
// web app left it to its scheduler), and the metric deltas, all in one write transaction.
#include <string>

#include "metrics/recorder.h"
#include "store/feed_store.h"
#include "store/metric_store.h"
#include "store/roles.h"
#include "store/transaction_store.h"
#include "store/unfurl_store.h"
#include "support/time.h"
#include "unfurl/page_reader.h"

namespace pebble::unfurl {

// The store roles an unfurl writes through.
struct UnfurlStores {
  // The roles of one object (the whole Store, or a fake of just these); implicit, so callers pass it as is.
  template <typename Roles>
  requires store::implements_roles<Roles, store::UnfurlStore, store::FeedStore, store::MetricStore,
                                   store::TransactionStore>
  UnfurlStores(Roles& store) : unfurls(store), feeds(store), metrics(store), transactions(store) {}

  store::UnfurlStore& unfurls;
  store::FeedStore& feeds;
  store::MetricStore& metrics;
  store::TransactionStore& transactions;
};

// How fields are filled and the bookmark writes counted.
struct WriteOptions {
  bool overwrite = false;         // also refresh fields an earlier unfurl filled (fill_rules.h)
  std::string source = "unfurl";  // the `source` of bookmark_operations_total for the fields filled
};

// What storing one page did.
struct WrittenUnfurl {
  store::BookmarkFill filled;    // the bookmark fields written
  bool feed_subscribed = false;  // the filled feed_url made a new feeds row
  domain::BookmarkUnfurl row;    // the bookmark_unfurls row as stored
};

// Stores `read`, the page of `target`, as read at `now`, with unfurl_operations_total,
// unfurl_duration_seconds and the row counts. A failed read keeps the metadata of the latest
// success. Throws StoreError when the store fails (nothing of the page is kept).
WrittenUnfurl write_unfurl(UnfurlStores stores, metrics::MetricsRecorder& recorder,
                           const store::UnfurlTarget& target, const PageRead& read,
                           const WriteOptions& options, support::Timestamp now);

}  // namespace pebble::unfurl
