#pragma once
// The step after parse_feed that makes item content safe to store and show: every HTML title,
// summary and content (and an HTML feed title or description) goes through html::sanitize_html,
// its references resolved against the value's own base (xml:base) or the document's. Kept apart
// from parsing so the poller runs it only on the items it is about to store (after --max-items)
// and the parse benchmark can time parsing and sanitizing separately.
#include "parse/parsed_feed.h"

namespace pebble::parse {

// Sanitizes `feed`'s HTML values in place; text values and values without markup are left as they are.
void sanitize_items(ParsedFeed& feed);

}  // namespace pebble::parse
