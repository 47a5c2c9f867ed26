#include "bookmarks/subscriptions_export.h"

#include "formats/opml_subscriptions.h"
#include "support/error.h"

namespace pebble::bookmarks {

ExportResult export_subscriptions(SubscriptionExportStores stores,
                                  const std::optional<std::string>& output_path,
                                  metrics::MetricsRecorder& recorder, std::ostream& out,
                                  const support::Clock& clock) {
  return write_export(kSubscriptionsFormat, output_path, out, recorder, [&](std::ostream& stream) {
    auto tags = stores.subscriptions.feed_tags(std::nullopt);
    std::vector<formats::FeedSubscription> subscriptions;
    for (const domain::Feed& feed : stores.feeds.list_feeds()) {
      // The self-test's loopback feeds are pebble's own, not the user's subscriptions.
      if (feed.disabled_reason == domain::kSelfTestFeedReason) continue;
      formats::FeedSubscription subscription;
      subscription.url = feed.url;
      subscription.title = feed.title;
      subscription.site_url = feed.site_url;
      if (auto found = tags.find(feed.id); found != tags.end()) subscription.tags = std::move(found->second);
      subscription.disabled = feed.disabled;
      subscription.disabled_reason = feed.disabled_reason;
      subscriptions.push_back(std::move(subscription));
    }
    formats::write_subscriptions_opml(stream, formats::ExportHeader{"", clock.now()}, subscriptions);
    stream.flush();
    if (!stream) throw support::Error("write failed");
    return static_cast<std::int64_t>(subscriptions.size());
  });
}

}  // namespace pebble::bookmarks
