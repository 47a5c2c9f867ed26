#pragma once
// `export --feeds`: the subscriptions themselves (not the feed links of bookmarks) as an OPML
// subscription list, with titles, tags as folders and categories, and the disabled state, so that
// importing the file restores the feeds table (formats/opml_subscriptions.h).
#include <optional>
#include <ostream>
#include <string>

#include "bookmarks/exporter.h"
#include "metrics/recorder.h"
#include "store/feed_store.h"
#include "store/roles.h"
#include "store/subscription_store.h"
#include "support/clock.h"

namespace pebble::bookmarks {

// The store roles the subscriptions export reads.
struct SubscriptionExportStores {
  // The roles of one object (the whole Store, or a fake of just these); implicit, so callers pass it as is.
  template <typename Roles>
  requires store::implements_roles<Roles, store::FeedStore, store::SubscriptionStore>
  SubscriptionExportStores(Roles& store) : feeds(store), subscriptions(store) {}

  store::FeedStore& feeds;
  store::SubscriptionStore& subscriptions;
};

// The `format` label the subscriptions export records its metrics under.
inline constexpr const char* kSubscriptionsFormat = "opml_feeds";

// Writes every feed but the self-test's own, by id, to `output_path` atomically (or `out`) and
// records the export metrics under format="opml_feeds"; `clock` dates the document.
ExportResult export_subscriptions(SubscriptionExportStores stores,
                                  const std::optional<std::string>& output_path,
                                  metrics::MetricsRecorder& recorder, std::ostream& out,
                                  const support::Clock& clock);

}  // namespace pebble::bookmarks
