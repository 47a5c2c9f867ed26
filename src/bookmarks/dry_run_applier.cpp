#include <algorithm>

#include "bookmarks/import_appliers.h"
#include "bookmarks/import_tally.h"

namespace pebble::bookmarks {

namespace {

bool is_blank(const std::optional<std::string>& text) {
  return !text || text->empty();
}

// Whether merging `incoming` into `existing` would change anything (the store's merge rules).
bool merge_changes(const Bookmark& existing, const BookmarkInput& incoming) {
  if (existing.title.empty() && !incoming.title.empty()) return true;
  if (is_blank(existing.description) && !is_blank(incoming.description)) return true;
  if (!existing.feed_url && !is_blank(incoming.feed_url)) return true;
  return std::any_of(incoming.tags.begin(), incoming.tags.end(), [&](const std::string& tag) {
    return !tag.empty() && std::find(existing.tags.begin(), existing.tags.end(), tag) == existing.tags.end();
  });
}

}  // namespace

DryRunApplier::DryRunApplier(ImportStores stores, std::optional<std::int64_t> owner_id,
                             DuplicatePolicy policy)
    : stores_(stores), owner_id_(owner_id), policy_(policy) {}

UpsertOutcome DryRunApplier::judge(const BookmarkInput& bookmark) {
  const bool seen_in_file = !seen_hashes_.insert(bookmark.unique_hash).second;
  std::optional<Bookmark> existing;
  if (owner_id_) existing = stores_.bookmarks.find_bookmark(*owner_id_, bookmark.unique_hash);
  if (!existing && !seen_in_file) return UpsertOutcome::kCreated;
  switch (policy_) {
    case DuplicatePolicy::kSkip:
      return UpsertOutcome::kSkipped;
    case DuplicatePolicy::kOverwrite:
      return UpsertOutcome::kUpdated;
    case DuplicatePolicy::kMerge:
      // A duplicate inside the file merges into a row this dry run never wrote: count it as a change
      // only when it brings something (a title, description, feed or tag) the stored row lacks.
      if (!existing) return UpsertOutcome::kUpdated;
      return merge_changes(*existing, bookmark) ? UpsertOutcome::kUpdated : UpsertOutcome::kSkipped;
  }
  return UpsertOutcome::kSkipped;
}

void DryRunApplier::apply(std::vector<BookmarkInput>& bookmarks, std::vector<ItemFailure>& failures,
                          ImportTally& tally) {
  for (const BookmarkInput& bookmark : bookmarks) {
    switch (judge(bookmark)) {
      case UpsertOutcome::kCreated:
        ++tally.created;
        break;
      case UpsertOutcome::kUpdated:
        ++tally.updated;
        break;
      case UpsertOutcome::kSkipped:
        ++tally.skipped;
        break;
    }
    if (bookmark.feed_url && !bookmark.feed_url->empty() && seen_feeds_.insert(*bookmark.feed_url).second &&
        !stores_.feeds.find_feed_by_url(*bookmark.feed_url)) {
      ++tally.feeds_created;
    }
  }
  for (ItemFailure& failure : failures) add_failure(tally, std::move(failure));
  tally.total += static_cast<std::int64_t>(bookmarks.size() + failures.size());
}

}  // namespace pebble::bookmarks
