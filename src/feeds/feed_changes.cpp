#include "feeds/feed_changes.h"

#include <functional>
#include <optional>

#include "metrics/row_write_counters.h"
#include "support/error.h"

namespace pebble::feeds {

namespace {

// Runs `change` on each feed's current row (read again inside the transaction, so a poll that
// committed meanwhile is not overwritten) and writes the rows it changed.
std::vector<FeedSwitch> switch_feeds(FeedWriteStores stores, metrics::MetricsRecorder& recorder,
                                     const std::vector<domain::Feed>& feeds,
                                     const std::function<bool(domain::Feed&)>& change) {
  store::Transaction transaction(stores.transactions, store::TxMode::kWrite);
  std::vector<FeedSwitch> switched;
  for (const domain::Feed& named : feeds) {
    std::optional<domain::Feed> current = stores.feeds.get_feed(named.id);
    if (!current) continue;
    FeedSwitch entry{*current, change(*current)};
    if (entry.changed) {
      stores.feeds.update_feed(*current);
      entry.feed = *current;
      metrics::record_updates(recorder, metrics::kModelFeed);
    }
    switched.push_back(std::move(entry));
  }
  recorder.flush({stores.metrics, stores.transactions});
  transaction.commit();
  return switched;
}

}  // namespace

std::vector<RemovedFeed> remove_feeds(FeedWriteStores stores, metrics::MetricsRecorder& recorder,
                                      const std::vector<domain::Feed>& feeds) {
  store::Transaction transaction(stores.transactions, store::TxMode::kWrite);
  std::vector<RemovedFeed> removed;
  for (const domain::Feed& feed : feeds) {
    const std::optional<std::int64_t> items = stores.subscriptions.delete_feed(feed.id);
    if (!items) continue;
    removed.push_back({feed, *items});
    metrics::record_deletes(recorder, metrics::kModelFeed);
    metrics::record_deletes(recorder, metrics::kModelFeedItem, static_cast<double>(*items));
  }
  recorder.flush({stores.metrics, stores.transactions});
  transaction.commit();
  return removed;
}

std::vector<FeedSwitch> disable_feeds(FeedWriteStores stores, metrics::MetricsRecorder& recorder,
                                      const std::vector<domain::Feed>& feeds, const std::string& reason) {
  return switch_feeds(stores, recorder, feeds, [&](domain::Feed& feed) {
    if (feed.disabled && feed.disabled_reason == reason) return false;
    feed.disabled = true;
    feed.disabled_reason = reason;
    return true;
  });
}

std::vector<FeedSwitch> enable_feeds(FeedWriteStores stores, metrics::MetricsRecorder& recorder,
                                     const std::vector<domain::Feed>& feeds) {
  for (const domain::Feed& feed : feeds) {
    if (feed.disabled_reason == domain::kSelfTestFeedReason) {
      throw support::Error("feed " + std::to_string(feed.id) + " (" + feed.url +
                           ") belongs to pebble test-metrics and stays disabled");
    }
  }
  return switch_feeds(stores, recorder, feeds, [](domain::Feed& feed) {
    if (!feed.disabled) return false;
    feed.disabled = false;
    feed.disabled_reason.reset();
    feed.consecutive_failures = 0;
    feed.next_poll_at.reset();
    return true;
  });
}

}  // namespace pebble::feeds
