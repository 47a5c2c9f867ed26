#include "unfurl/fill_rules.h"

#include <algorithm>

namespace pebble::unfurl {

namespace {

bool is_empty(const std::optional<std::string>& value) {
  return !value || value->empty();
}

// The new value for one field, or nullopt to leave it: `current` as stored, `earlier` what the
// previous unfurl read for it (nullopt when there was none), `fresh` what the page says now.
std::optional<std::string> fill(const std::optional<std::string>& current,
                                const std::optional<std::string>& earlier,
                                const std::optional<std::string>& fresh, bool overwrite) {
  if (is_empty(fresh) || current == fresh) return std::nullopt;
  if (is_empty(current)) return fresh;
  if (overwrite && earlier && current == earlier) return fresh;  // an earlier unfurl wrote it
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
  std::optional<domain::PageMetadata> earlier;
  if (target.previous && target.previous->unfurled_at) earlier = target.previous->metadata;
  store::BookmarkFill fill_in;
  fill_in.title = fill(target.title, earlier ? earlier->title : std::nullopt, metadata.title, overwrite);
  fill_in.description = fill(target.description, earlier ? earlier->description : std::nullopt,
                             metadata.description, overwrite);
  fill_in.feed_url = fill(target.feed_url, earlier ? primary_feed(earlier->feeds) : std::nullopt,
                          primary_feed(metadata.feeds), overwrite);
  return fill_in;
}

}  // namespace pebble::unfurl
