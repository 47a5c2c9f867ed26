#include "unfurl/fill_rules.h"

#include <algorithm>

namespace pebble::unfurl {

namespace {

bool is_empty(const std::optional<std::string>& value) {
  return !value || value->empty();
}

// The new value for one field, or nullopt to leave it: `current` as stored, `written` what an
// unfurl last wrote into it (nullopt when none did), `fresh` what the page says now.
std::optional<std::string> fill(const std::optional<std::string>& current,
                                const std::optional<std::string>& written,
                                const std::optional<std::string>& fresh, bool overwrite) {
  if (is_empty(fresh) || current == fresh) return std::nullopt;
  if (is_empty(current)) return fresh;
  if (overwrite && written && current == written) return fresh;  // still as the unfurl wrote it
  return std::nullopt;
}

}  // namespace

std::vector<domain::AnnouncedFeed> in_preference_order(std::vector<domain::AnnouncedFeed> feeds) {
  std::stable_partition(feeds.begin(), feeds.end(), [](const domain::AnnouncedFeed& feed) {
    return feed.url.find("comment") == std::string::npos;
  });
  return feeds;
}

std::optional<std::string> primary_feed(const std::vector<domain::AnnouncedFeed>& feeds) {
  const auto preferred = in_preference_order(feeds);
  if (preferred.empty()) return std::nullopt;
  return preferred.front().url;
}

store::BookmarkFill plan_fill(const store::UnfurlTarget& target, const domain::PageMetadata& metadata,
                              bool overwrite) {
  const domain::BookmarkFill written = target.previous ? target.previous->filled : domain::BookmarkFill{};
  store::BookmarkFill fill_in;
  fill_in.title = fill(target.title, written.title, metadata.title, overwrite);
  fill_in.description = fill(target.description, written.description, metadata.description, overwrite);
  fill_in.feed_url = fill(target.feed_url, written.feed_url, primary_feed(metadata.feeds), overwrite);
  return fill_in;
}

}  // namespace pebble::unfurl
