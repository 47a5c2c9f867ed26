#pragma once
// The subscriptions role of the store: what the feeds commands show and change beyond polling (item
// counts, feed tags, unsubscribing). Standard library only.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pebble::store {

// How many items a feed holds and how many of them are unread, as the store keeps count.
struct FeedItemCounts {
  std::int64_t items = 0;
  std::int64_t unread = 0;
};

// Feed tags, item counts and removal of feeds; every method throws StoreError on failure.
class SubscriptionStore {
 public:
  virtual ~SubscriptionStore() = default;

  // Item counts by feed id, of one feed or (nullopt) of every feed; a feed without items counts 0.
  virtual std::map<std::int64_t, FeedItemCounts> feed_item_counts(std::optional<std::int64_t> feed_id) = 0;
  // Tag names by feed id, of one feed or (nullopt) of every feed, names sorted; untagged feeds are absent.
  virtual std::map<std::int64_t, std::vector<std::string>> feed_tags(std::optional<std::int64_t> feed_id) = 0;
  // Replaces the feed's tags with `names` (duplicates and empty names ignored).
  virtual void set_feed_tags(std::int64_t feed_id, const std::vector<std::string>& names) = 0;
  // Deletes the feed with its items and tags; returns how many items went, nullopt when no feed has the id.
  virtual std::optional<std::int64_t> delete_feed(std::int64_t feed_id) = 0;
};

}  // namespace pebble::store
