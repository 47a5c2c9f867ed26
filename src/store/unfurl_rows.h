#pragma once
// What both backends share of bookmark_unfurls: the query of a bookmark with its unfurl row, and
// the feeds column (JSON text in SQLite, jsonb in PostgreSQL), the feeds a page announces as
// [{"url", "type", "title"}].
#include <string>
#include <vector>

#include "domain/page_metadata.h"

namespace pebble::store {

// SELECT of a bookmark with its unfurl row (u.bookmark_id is NULL when it has none), in the column
// order both backends read: b.id, url, title, description, feed_url, then the row's columns. The
// caller appends its WHERE clause; no casts, so it reads the same in both SQL dialects.
extern const char* const kUnfurlTargetSelect;

// The feeds as compact JSON; a feed without a title has "title": null.
std::string announced_feeds_json(const std::vector<domain::AnnouncedFeed>& feeds);

// The feeds stored as `json`; entries that are not objects with a string url are skipped, and text
// that is not a JSON array reads as none.
std::vector<domain::AnnouncedFeed> announced_feeds_from_json(const std::string& json);

}  // namespace pebble::store
