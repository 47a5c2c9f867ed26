#pragma once
// What `feeds list` and `feeds show` print for a feed: table and tab-separated cells, the JSON
// object, and the key/value text of show.
#include <ostream>
#include <vector>

#include "feeds/feed_listing.h"
#include "listing.h"

namespace pebble::cli {

// The columns of `feeds list`: id, state, items, unread, failures, last status, last poll, next
// poll, tags, url, title, last error.
std::vector<ListColumn> feed_columns();

// The cells of one feed in feed_columns() order.
std::vector<std::string> feed_cells(const feeds::FeedListing& listing, ListFormat format);

// The JSON object of one feed (the same for list and show).
nlohmann::ordered_json feed_json(const feeds::FeedListing& listing);

// `feeds show` without --json: one "name  value" line per field that has a value.
void print_feed_details(std::ostream& out, const feeds::FeedListing& listing);

}  // namespace pebble::cli
