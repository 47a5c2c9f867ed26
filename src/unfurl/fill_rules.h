#pragma once
// Which bookmark fields an unfurl writes. Never what the user wrote: an empty field is filled; with
// --overwrite a field still holding what an unfurl wrote into it (BookmarkUnfurl::filled) is
// refreshed too. A field the user changed since is always kept.
#include <optional>
#include <string>
#include <vector>

#include "domain/page_metadata.h"
#include "store/unfurl_store.h"

namespace pebble::unfurl {

// The feeds a page announces in the order they are preferred: the page's, except that those whose
// URL mentions "comment" come after the others (as the web app chose: a comments feed is rarely
// the one meant).
std::vector<domain::AnnouncedFeed> in_preference_order(std::vector<domain::AnnouncedFeed> feeds);

// The feed a bookmark takes as its feed_url: the first in preference order; nullopt when the page
// announces none.
std::optional<std::string> primary_feed(const std::vector<domain::AnnouncedFeed>& feeds);

// The fields to write into `target`'s bookmark from `metadata`, the page as just read. With
// `overwrite`, fields still equal to what an unfurl wrote into them (target.previous->filled) are
// refreshed as well.
store::BookmarkFill plan_fill(const store::UnfurlTarget& target, const domain::PageMetadata& metadata,
                              bool overwrite);

}  // namespace pebble::unfurl
