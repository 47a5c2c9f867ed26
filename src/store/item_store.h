#pragma once
// The reading role of the store: feed items listed newest first, searched, and marked read or
// unread. Standard library only.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "support/time.h"

namespace pebble::store {

// Which items a listing shows. Items come newest first: by their date (published, else updated in
// the feed, else first seen), then by id.
struct ItemQuery {
  std::optional<std::int64_t> feed_id;      // only this feed's items
  std::optional<support::Timestamp> since;  // dated at or after this
  std::optional<std::string> search;        // every word of it (search_text.h) in title, summary or content
  bool unread_only = false;                 // only items without read_at
  std::optional<std::int64_t> limit;        // at most this many
};

// One item as `pebble items` lists it, with its feed's URL and title.
struct ListedItem {
  std::int64_t id = 0;
  std::int64_t feed_id = 0;
  std::string feed_url;
  std::optional<std::string> feed_title;
  std::string guid;
  std::optional<std::string> link;
  std::optional<std::string> title;
  std::optional<std::string> author;
  std::optional<std::string> summary;
  std::optional<std::string> content;
  std::optional<support::Timestamp> published_at;
  std::optional<support::Timestamp> entry_updated_at;
  support::Timestamp first_seen_at;
  support::Timestamp date;  // what the listing sorts by
  std::optional<support::Timestamp> read_at;
};

// Which items a mark changes: the given ids, else every item of one feed, else (all) every item.
struct ItemSelection {
  std::vector<std::int64_t> ids;
  std::optional<std::int64_t> feed_id;
  bool all = false;
};

// What a mark found and did.
struct MarkResult {
  std::vector<std::int64_t> found_ids;  // of an id selection, the ids that name an item (ascending)
  std::int64_t changed = 0;             // items whose read state changed
};

// Listing, searching and read state of feed items; every method throws StoreError on failure.
class ItemStore {
 public:
  virtual ~ItemStore() = default;

  // Streams the matching items newest first without loading them all; visit may throw to stop.
  virtual void for_each_item(const ItemQuery& query, const std::function<void(const ListedItem&)>& visit) = 0;
  // With `read_at`: marks the selected unread items read at that time. Without: marks the selected
  // read items unread. Items already in that state are left alone (their read_at is kept).
  virtual MarkResult mark_items(const ItemSelection& selection,
                                std::optional<support::Timestamp> read_at) = 0;
};

}  // namespace pebble::store
