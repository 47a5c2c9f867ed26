#include "feeds/item_marks.h"

#include "metrics/row_write_counters.h"

namespace pebble::feeds {

store::MarkResult mark_items(ItemMarkStores stores, metrics::MetricsRecorder& recorder,
                             const store::ItemSelection& selection, bool read, support::Timestamp now) {
  store::Transaction transaction(stores.transactions, store::TxMode::kWrite);
  const store::MarkResult result =
      stores.items.mark_items(selection, read ? std::optional<support::Timestamp>(now) : std::nullopt);
  metrics::record_updates(recorder, metrics::kModelFeedItem, static_cast<double>(result.changed));
  recorder.flush({stores.metrics, stores.transactions});
  transaction.commit();
  return result;
}

}  // namespace pebble::feeds
