#pragma once
// What the feeds commands show about feeds: each row with its tags and item counts, its state
// (active, failing, disabled, as the pebble_feeds gauge counts them) and the listing filters.
#include <optional>
#include <string_view>
#include <vector>

#include "domain/model.h"
#include "store/feed_store.h"
#include "store/roles.h"
#include "store/subscription_store.h"
#include "support/time.h"

namespace pebble::feeds {

// The store roles a feed listing reads.
struct FeedReadStores {
  // The roles of one object (the whole Store, or a fake of just these); implicit, so callers pass it as is.
  template <typename Roles>
  requires store::implements_roles<Roles, store::FeedStore, store::SubscriptionStore> FeedReadStores(
      Roles& store)
      : feeds(store), subscriptions(store) {}

  store::FeedStore& feeds;
  store::SubscriptionStore& subscriptions;
};

// Which feeds `feeds list` shows.
enum class FeedFilter {
  kAll,
  kFailing,   // enabled, and the last poll (or more) failed
  kDisabled,  // disabled by hand, by a 410, or the self-test's own
  kDue,       // enabled and due for a poll (never polled, or next_poll_at has come)
};

// A feed with what the listing shows beside its row.
struct FeedListing {
  domain::Feed feed;
  std::vector<std::string> tags;  // sorted
  store::FeedItemCounts counts;
};

// "active", "failing" or "disabled".
std::string_view feed_state(const domain::Feed& feed);

// Whether an enabled feed is due for a poll at `now`.
bool is_due(const domain::Feed& feed, support::Timestamp now);

// Every feed the filter keeps, by id, with tags and counts; `now` decides what is due.
std::vector<FeedListing> list_feeds(FeedReadStores stores, FeedFilter filter, support::Timestamp now);

// One feed with its tags and counts.
FeedListing describe_feed(FeedReadStores stores, const domain::Feed& feed);

// The feed a user names: a decimal id, else a URL as stored, else the URL in its subscription
// form (domain/feed_url.h); nullopt when no feed matches.
std::optional<domain::Feed> find_feed(store::FeedStore& feeds, std::string_view reference);

}  // namespace pebble::feeds
