#include <algorithm>

#include "bookmarks/import_appliers.h"
#include "bookmarks/import_tally.h"

namespace pebble::bookmarks {

namespace {

bool is_blank(const std::optional<std::string>& text) {
  return !text || text->empty();
}

// Whether merging `incoming` into `existing` would change anything (the store's merge rules).
bool merge_changes(const domain::Bookmark& existing, const domain::BookmarkInput& incoming) {
  if (existing.title.empty() && !incoming.title.empty()) return true;
  if (is_blank(existing.description) && !is_blank(incoming.description)) return true;
  if (!existing.feed_url && !is_blank(incoming.feed_url)) return true;
  return std::any_of(incoming.tags.begin(), incoming.tags.end(), [&](const std::string& tag) {
    return !tag.empty() && std::find(existing.tags.begin(), existing.tags.end(), tag) == existing.tags.end();
  });
}

}  // namespace

DryRunApplier::DryRunApplier(ImportStores stores, std::optional<std::int64_t> owner_id,
                             domain::DuplicatePolicy policy)
    : stores_(stores), owner_id_(owner_id), policy_(policy) {}

domain::UpsertOutcome DryRunApplier::judge(const domain::BookmarkInput& bookmark) {
  const bool seen_in_file = !seen_hashes_.insert(bookmark.unique_hash).second;
  std::optional<domain::Bookmark> existing;
  if (owner_id_) existing = stores_.bookmarks.find_bookmark(*owner_id_, bookmark.unique_hash);
  if (!existing && !seen_in_file) return domain::UpsertOutcome::kCreated;
  switch (policy_) {
    case domain::DuplicatePolicy::kSkip:
      return domain::UpsertOutcome::kSkipped;
    case domain::DuplicatePolicy::kOverwrite:
      return domain::UpsertOutcome::kUpdated;
    case domain::DuplicatePolicy::kMerge:
      // A duplicate inside the file merges into a row this dry run never wrote: count it as a change
      // only when it brings something (a title, description, feed or tag) the stored row lacks.
      if (!existing) return domain::UpsertOutcome::kUpdated;
      return merge_changes(*existing, bookmark) ? domain::UpsertOutcome::kUpdated
                                                : domain::UpsertOutcome::kSkipped;
  }
  return domain::UpsertOutcome::kSkipped;
}

void DryRunApplier::apply(std::vector<domain::BookmarkInput>& bookmarks,
                          std::vector<formats::FeedSubscription>& subscriptions,
                          std::vector<formats::ItemFailure>& failures, ImportTally& tally) {
  for (const formats::FeedSubscription& subscription : subscriptions) {
    if (seen_feeds_.insert(subscription.url).second && !stores_.feeds.find_feed_by_url(subscription.url))
      ++tally.feeds_created;
  }
  for (const domain::BookmarkInput& bookmark : bookmarks) {
    switch (judge(bookmark)) {
      case domain::UpsertOutcome::kCreated:
        ++tally.created;
        break;
      case domain::UpsertOutcome::kUpdated:
        ++tally.updated;
        break;
      case domain::UpsertOutcome::kSkipped:
        ++tally.skipped;
        break;
    }
    if (bookmark.feed_url && !bookmark.feed_url->empty() && seen_feeds_.insert(*bookmark.feed_url).second &&
        !stores_.feeds.find_feed_by_url(*bookmark.feed_url)) {
      ++tally.feeds_created;
    }
  }
  for (formats::ItemFailure& failure : failures) add_failure(tally, std::move(failure));
  tally.total += static_cast<std::int64_t>(bookmarks.size() + failures.size());
}

}  // namespace pebble::bookmarks
