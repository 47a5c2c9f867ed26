#pragma once
// The feeds role of the store (SPEC §2, §6): feeds, their items and the claims of pollers.
// Standard library only.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "domain/model.h"
#include "support/time.h"

namespace pebble::store {

// Which feeds a poller wants to lease (SPEC §6, "Many workers").
struct FeedClaim {
  support::Timestamp now;
  std::string lease_owner;             // unique per worker process
  support::Timestamp lease_until;      // when an unfinished lease expires
  bool ignore_schedule = false;        // --all: every enabled feed, due or not
  std::optional<std::int64_t> limit;   // at most this many, oldest due first
  std::vector<std::int64_t> feed_ids;  // when non-empty: exactly these (enabled or not), schedule ignored
};

// Feeds, feed items and claims; every method throws StoreError on failure.
class FeedStore {
 public:
  virtual ~FeedStore() = default;

  // Feeds. get_or_create returns the feed and whether it was created.
  virtual std::pair<domain::Feed, bool> get_or_create_feed(const std::string& url) = 0;
  virtual std::optional<domain::Feed> find_feed_by_url(const std::string& url) = 0;
  virtual std::optional<domain::Feed> get_feed(std::int64_t feed_id) = 0;
  virtual std::vector<domain::Feed> list_feeds() = 0;
  // Writes every mutable column of the feed row with this id (url included) and bumps updated_at.
  virtual void update_feed(const domain::Feed& feed) = 0;
  // Atomically leases the feeds a worker should poll: due (or all, or the given ids), enabled,
  // and not leased by another worker whose lease is still valid. Sets lease_owner/lease_until.
  virtual std::vector<domain::Feed> claim_feeds(const FeedClaim& claim) = 0;

  // Feed items: insert, or refresh by (feed_id, guid) keeping first_seen_at and the first
  // published_at; last_seen_at = seen_at.
  virtual domain::ItemUpsertOutcome upsert_feed_item(std::int64_t feed_id, const domain::FeedItemInput& item,
                                                     support::Timestamp seen_at) = 0;
  virtual std::vector<domain::FeedItem> list_feed_items(std::int64_t feed_id) = 0;
  // The source fingerprint stored with each of the feed's items whose guid is among `guids`, by
  // guid (items without one are left out), read in one query: a poll asks before it sanitizes.
  virtual std::unordered_map<std::string, std::string> item_fingerprints(
      std::int64_t feed_id, const std::vector<std::string>& guids) = 0;
  // Sets last_seen_at = seen_at on the feed's items whose guid is among `guids`, and nothing else
  // (the items a poll found unchanged); returns how many rows it changed.
  virtual std::int64_t mark_items_seen(std::int64_t feed_id, const std::vector<std::string>& guids,
                                       support::Timestamp seen_at) = 0;
  // Applies `retention` to the feed's items not seen at `seen_at` (the poll that just stored its
  // document): deletes those beyond the newest keep_newest and those dated before
  // seen_at - max_age_seconds, by published, else entry-updated, else first-seen date. Returns
  // how many rows went.
  virtual std::int64_t prune_feed_items(std::int64_t feed_id, const domain::ItemRetention& retention,
                                        support::Timestamp seen_at) = 0;
};

}  // namespace pebble::store
