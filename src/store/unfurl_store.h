#pragma once
// The unfurl role of the store (issue #15): what `pebble unfurl` reads of a bookmark, the
// bookmark_unfurls row it keeps per bookmark, and the empty bookmark fields it fills. Standard
// library only.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/page_metadata.h"

namespace pebble::store {

// A bookmark to unfurl: what the fill rules look at, and its stored unfurl when it has one.
struct UnfurlTarget {
  std::int64_t bookmark_id = 0;
  std::string url;
  std::string title;
  std::optional<std::string> description;
  std::optional<std::string> feed_url;
  std::optional<domain::BookmarkUnfurl> previous;
};

// The bookmark columns an unfurl writes (domain/page_metadata.h).
using domain::BookmarkFill;

// Bookmark unfurls; every method throws StoreError on failure.
class UnfurlStore {
 public:
  virtual ~UnfurlStore() = default;

  // The owner's bookmarks with an id above `after_id`, in id order, at most `limit`, each with its
  // stored unfurl. With `missing_only`, only the bookmarks never unfurled: no bookmark_unfurls row,
  // or one without a success whose latest attempt ended in `error` (a failure that may pass).
  virtual std::vector<UnfurlTarget> unfurl_targets(std::int64_t owner_id, bool missing_only,
                                                   std::int64_t after_id, std::size_t limit) = 0;
  // The bookmark with this id (of any owner) as a target; nullopt when there is none.
  virtual std::optional<UnfurlTarget> unfurl_target(std::int64_t bookmark_id) = 0;
  // Inserts or replaces the bookmark's bookmark_unfurls row; returns true when it was inserted.
  virtual bool save_unfurl(const domain::BookmarkUnfurl& unfurl) = 0;
  // Writes the set columns of the bookmark and bumps its updated_at; false when no bookmark has the id.
  virtual bool fill_bookmark(std::int64_t bookmark_id, const BookmarkFill& fill) = 0;
};

}  // namespace pebble::store
