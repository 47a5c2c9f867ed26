#include "feeds/page_discovery.h"

#include <algorithm>

#include "unfurl/fill_rules.h"
#include "unfurl/html_metadata.h"

namespace pebble::feeds {

std::vector<domain::AnnouncedFeed> feeds_to_follow(const http::FetchResponse& page, bool all_feeds) {
  const domain::PageMetadata metadata =
      unfurl::read_html_metadata(page.body, page.content_type.value_or(""), page.final_url);
  if (all_feeds) return metadata.feeds;
  std::vector<domain::AnnouncedFeed> followed;
  for (const domain::AnnouncedFeed& feed : unfurl::in_preference_order(metadata.feeds)) {
    const bool type_taken =
        std::any_of(followed.begin(), followed.end(),
                    [&](const domain::AnnouncedFeed& other) { return other.type == feed.type; });
    if (!type_taken) followed.push_back(feed);
  }
  return followed;
}

}  // namespace pebble::feeds
