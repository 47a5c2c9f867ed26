#pragma once
// The cap on items taken from one feed (poll-feeds --max-items): a feed of 320 000 tiny items
// must neither store 320 000 rows per poll nor hold 320 000 parsed items in memory, so the
// parsers append through append_item, which never keeps more than twice the cap, and parse_feed
// ends with keep_newest_items. Newest means the published (else updated) date; undated items rank
// after dated ones, in document order (feeds list newest first). Kept items stay in document order.
#include <cstddef>

#include "parse/parsed_feed.h"

namespace pebble::parse {

// Appends `item` to `feed.items`; at twice feed.max_items, drops all but the newest max_items.
void append_item(ParsedFeed& feed, ParsedItem item);

// Drops all but the newest feed.max_items items, counting them in feed.items_dropped.
void keep_newest_items(ParsedFeed& feed);

}  // namespace pebble::parse
