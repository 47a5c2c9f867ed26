#pragma once
// The bookmark_unfurls.feeds column (JSON text in SQLite, jsonb in PostgreSQL): the feeds a page
// announces as [{"url", "type", "title"}], one spelling for both backends.
#include <string>
#include <vector>

#include "domain/page_metadata.h"

namespace pebble::store {

// The feeds as compact JSON; a feed without a title has "title": null.
std::string announced_feeds_json(const std::vector<domain::AnnouncedFeed>& feeds);

// The feeds stored as `json`; entries that are not objects with a string url are skipped, and text
// that is not a JSON array reads as none.
std::vector<domain::AnnouncedFeed> announced_feeds_from_json(const std::string& json);

}  // namespace pebble::store
