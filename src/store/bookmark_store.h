#pragma once
// The bookmarks role of the store (SPEC §2): users, bookmarks and tags. Standard library only.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/model.h"
#include "support/time.h"

namespace pebble::store {

// Filters of a streaming bookmark query; results come newest first (created_at desc, id desc).
struct BookmarkQuery {
  std::int64_t owner_id = 0;
  std::vector<std::string> tags_all;        // bookmarks carrying every one of these tags
  std::optional<support::Timestamp> since;  // created_at >= since
  std::optional<std::int64_t> limit;        // at most this many
  std::optional<std::string> search;        // every word of it (search_text.h) in title, description or url
};

// Users, their bookmarks and tags; every method throws StoreError on failure.
class BookmarkStore {
 public:
  virtual ~BookmarkStore() = default;

  // Users. get_or_create returns the user and whether it was created.
  virtual std::pair<domain::User, bool> get_or_create_user(const std::string& username) = 0;
  virtual std::optional<domain::User> find_user(const std::string& username) = 0;
  // Deletes the user and, by cascade, their bookmarks, tags and import jobs.
  virtual bool delete_user(std::int64_t user_id) = 0;

  // Bookmarks. One outcome per input, in order; tags are created as needed and attached.
  virtual std::vector<domain::UpsertOutcome> upsert_bookmarks(
      std::int64_t owner_id, const std::vector<domain::BookmarkInput>& inputs,
      domain::DuplicatePolicy policy) = 0;
  virtual std::optional<domain::Bookmark> find_bookmark(std::int64_t owner_id,
                                                        const std::string& unique_hash) = 0;
  // The owner's bookmark with this id; nullopt when it has none (or another owner has it).
  virtual std::optional<domain::Bookmark> get_bookmark(std::int64_t owner_id, std::int64_t bookmark_id) = 0;
  virtual bool delete_bookmark(std::int64_t bookmark_id) = 0;
  // Attaches the owner's tags `names` (created as needed) to the bookmark and bumps its updated_at
  // when a link is new; returns how many links are new. Empty names and duplicates are ignored.
  virtual std::int64_t add_bookmark_tags(std::int64_t owner_id, std::int64_t bookmark_id,
                                         const std::vector<std::string>& names) = 0;
  // Detaches the owner's tags `names` from the bookmark (the tags stay) and bumps its updated_at when
  // a link went; returns how many links went.
  virtual std::int64_t remove_bookmark_tags(std::int64_t owner_id, std::int64_t bookmark_id,
                                            const std::vector<std::string>& names) = 0;
  // Streams matching bookmarks newest first without loading them all; visit may throw to stop.
  virtual void for_each_bookmark(const BookmarkQuery& query,
                                 const std::function<void(const domain::Bookmark&)>& visit) = 0;
  virtual std::int64_t count_bookmarks(std::int64_t owner_id) = 0;

  // Tags.
  virtual std::optional<domain::Tag> find_tag(std::int64_t owner_id, const std::string& name) = 0;
  virtual std::vector<domain::Tag> list_tags(std::int64_t owner_id) = 0;
};

}  // namespace pebble::store
