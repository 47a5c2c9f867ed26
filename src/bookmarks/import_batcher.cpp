#include "bookmarks/import_batcher.h"

#include <algorithm>
#include <string_view>

namespace pebble::bookmarks {

namespace {

bool has_nul(std::string_view text) {
  return text.find('\0') != std::string_view::npos;
}

// Why the store cannot take this bookmark, or empty. PostgreSQL text refuses NUL characters, and
// SQLite would silently cut them, so both backends reject them the same way.
std::string_view item_problem(const domain::BookmarkInput& bookmark) {
  const bool nul = has_nul(bookmark.url) || has_nul(bookmark.title) ||
                   (bookmark.description && has_nul(*bookmark.description)) ||
                   (bookmark.feed_url && has_nul(*bookmark.feed_url)) ||
                   std::any_of(bookmark.tags.begin(), bookmark.tags.end(),
                               [](const std::string& tag) { return has_nul(tag); });
  if (nul) return "a field contains a NUL character (U+0000)";
  return {};
}

}  // namespace

ImportBatcher::ImportBatcher(const ImportRequest& request, const ImportHooks& hooks, BatchApplier& applier,
                             ImportTally& tally, std::uint64_t total_bytes)
    : request_(request), hooks_(hooks), applier_(applier), tally_(tally), total_bytes_(total_bytes) {
  bookmarks_.reserve(request.batch_size);
}

void ImportBatcher::on_bookmark(formats::ParsedBookmark parsed) {
  ++items_;
  domain::BookmarkInput& bookmark = parsed.bookmark;
  if (const auto problem = item_problem(bookmark); !problem.empty()) {
    failures_.push_back(
        formats::ItemFailure{parsed.index, std::string(problem), bookmark.url, bookmark.title});
  } else {
    // An empty description or feed is no description or feed: no format can tell them apart.
    if (bookmark.description && bookmark.description->empty()) bookmark.description.reset();
    if (bookmark.feed_url && bookmark.feed_url->empty()) bookmark.feed_url.reset();
    for (const std::string& tag : request_.tags) {
      if (std::find(bookmark.tags.begin(), bookmark.tags.end(), tag) == bookmark.tags.end())
        bookmark.tags.push_back(tag);
    }
    bookmarks_.push_back(std::move(bookmark));
  }
  apply_when_full();
  check_stop();
}

void ImportBatcher::on_subscription(formats::FeedSubscription subscription) {
  const bool nul = has_nul(subscription.url) || (subscription.title && has_nul(*subscription.title)) ||
                   (subscription.site_url && has_nul(*subscription.site_url)) ||
                   (subscription.disabled_reason && has_nul(*subscription.disabled_reason)) ||
                   std::any_of(subscription.tags.begin(), subscription.tags.end(),
                               [](const std::string& tag) { return has_nul(tag); });
  if (nul) {
    failures_.push_back(formats::ItemFailure{subscription.index, "a field contains a NUL character (U+0000)",
                                             subscription.url, subscription.title.value_or("")});
  } else {
    subscriptions_.push_back(std::move(subscription));
  }
  apply_when_full();
  check_stop();
}

void ImportBatcher::on_failure(formats::ItemFailure failure) {
  ++items_;
  failures_.push_back(std::move(failure));
  apply_when_full();
  check_stop();
}

void ImportBatcher::apply_when_full() {
  if (bookmarks_.size() + subscriptions_.size() + failures_.size() >= request_.batch_size) apply_batch();
}

void ImportBatcher::on_progress(std::uint64_t bytes_consumed) {
  bytes_ = bytes_consumed;
  report_progress();
  check_stop();
}

void ImportBatcher::finish() {
  if (has_batch()) apply_batch();
  report_progress();
}

void ImportBatcher::apply_batch() {
  applier_.apply(bookmarks_, subscriptions_, failures_, tally_);
  bookmarks_.clear();
  subscriptions_.clear();
  failures_.clear();
  report_progress();
}

void ImportBatcher::report_progress() {
  if (hooks_.progress) hooks_.progress(bytes_, total_bytes_, items_);
}

void ImportBatcher::check_stop() {
  if (!hooks_.stop_requested || !hooks_.stop_requested()) return;
  if (has_batch()) apply_batch();
  throw ImportInterrupted();
}

}  // namespace pebble::bookmarks
