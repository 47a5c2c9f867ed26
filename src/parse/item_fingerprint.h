#pragma once
// What an item was when its feed sent it: a digest of everything parsing made of it, taken before
// sanitizing, so a poll can tell the items it stored before from the ones that changed and spare
// the unchanged ones the sanitizer and the rewrite of their row (the store keeps it as
// feed_items.source_fingerprint).
#include <string>
#include <string_view>

#include "parse/parsed_feed.h"

namespace pebble::parse {

// Raised whenever html::sanitize_html writes something else for some input, so every item is
// sanitized again at its next poll instead of keeping what the older sanitizer wrote. A unit test
// pins the sanitizer's output on the feed fixtures to this number.
inline constexpr int kSanitizerRevision = 1;

// The SHA-256 (hex) of the item's fields as parsed, the bases its HTML resolves against and
// kSanitizerRevision.
std::string item_fingerprint(const ParsedItem& item, std::string_view document_base);

// Sets every item's `fingerprint`; run before sanitize_items.
void fingerprint_items(ParsedFeed& feed);

}  // namespace pebble::parse
