#include "poll/poll_writer.h"

#include <nlohmann/json.hpp>

#include "metrics/catalogue.h"
#include "metrics/row_write_counters.h"
#include "poll/feed_state.h"
#include "support/logging.h"

namespace pebble::poll {

namespace {

// Follows a permanent redirect unless another feed row already has that URL (the unique key).
void move_url(store::FeedStore& feeds, domain::Feed& feed, const std::string& moved_to) {
  const auto other = feeds.find_feed_by_url(moved_to);
  if (!other) {
    support::log_event(support::LogLevel::kInfo, "feed moved permanently; URL updated",
                       {{"feed_url", feed.url}, {"moved_to", moved_to}});
    feed.url = moved_to;
  } else if (other->id != feed.id) {
    support::log_event(support::LogLevel::kWarn, "feed moved permanently to a URL another feed has; URL kept",
                       {{"feed_url", feed.url}, {"moved_to", moved_to}, {"other_feed_id", other->id}});
  }
}

}  // namespace

void record_poll_metrics(metrics::MetricsRecorder& recorder, const PollOutcome& outcome,
                         std::size_t new_items) {
  namespace metric = metrics::metric;
  recorder.increment(metric::kFeedPollsTotal, {{"status", poll_status_name(outcome.status)}});
  if (outcome.reason != PollErrorReason::kNone) {
    recorder.increment(metric::kFeedPollErrorsTotal, {{"reason", poll_error_reason_name(outcome.reason)}});
  }
  recorder.observe(metric::kFeedPollDurationSeconds, {}, outcome.duration_seconds);
  if (new_items > 0)
    recorder.increment(metric::kFeedItemsDiscoveredTotal, {}, static_cast<double>(new_items));
}

RecordedPoll record_poll(PollStores stores, metrics::MetricsRecorder& recorder, const domain::Feed& claimed,
                         const PollOutcome& outcome, support::Timestamp now,
                         std::chrono::seconds base_interval, const domain::ItemRetention& retention) {
  store::Transaction transaction(stores.transactions, store::TxMode::kWrite);
  RecordedPoll recorded;
  recorded.feed = claimed;
  apply_outcome(recorded.feed, outcome, now, base_interval);
  if (outcome.moved_to) move_url(stores.feeds, recorded.feed, *outcome.moved_to);
  std::size_t updated = 0;
  if (outcome.feed) {
    const auto& items = outcome.feed->items;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (stores.feeds.upsert_feed_item(claimed.id, parse::to_feed_item_input(items[i]), now) ==
          domain::ItemUpsertOutcome::kInserted) {
        recorded.new_item_indexes.push_back(i);
      } else {
        ++updated;
      }
    }
    // Items sent as stored keep their rows; only last_seen_at moves, which retention reads.
    updated +=
        static_cast<std::size_t>(stores.feeds.mark_items_seen(claimed.id, outcome.unchanged_guids, now));
    // Only after a document was read: after a 304 or a failure no item's last_seen_at is fresh,
    // and pruning then would delete items the feed still holds (the next poll re-adds them as new).
    recorded.items_deleted = stores.feeds.prune_feed_items(claimed.id, retention, now);
  }
  stores.feeds.update_feed(recorded.feed);
  // Metrics are recorded only once every data write succeeded, so a refused write leaves no
  // pending delta behind for the next feed's transaction.
  record_poll_metrics(recorder, outcome, recorded.new_item_indexes.size());
  metrics::record_updates(recorder, metrics::kModelFeed);
  if (!recorded.new_item_indexes.empty()) {
    metrics::record_inserts(recorder, metrics::kModelFeedItem,
                            static_cast<double>(recorded.new_item_indexes.size()));
  }
  if (updated > 0) metrics::record_updates(recorder, metrics::kModelFeedItem, static_cast<double>(updated));
  metrics::record_deletes(recorder, metrics::kModelFeedItem, static_cast<double>(recorded.items_deleted));
  recorder.flush({stores.metrics, stores.transactions});
  transaction.commit();
  return recorded;
}

}  // namespace pebble::poll
