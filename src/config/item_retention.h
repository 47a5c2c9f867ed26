#pragma once
// PEBBLE_ITEM_RETENTION: which feed items poll-feeds deletes once they leave their feed's document.
#include <string_view>

#include "domain/model.h"

namespace pebble::config {

// A count, an age or both, comma-separated: "500" (the newest 500 items per feed), "90d" (none
// older than 90 days; units h, d, w), "500,90d" (both rules). Anything else is a UsageError
// naming `source`.
domain::ItemRetention parse_item_retention(std::string_view text, std::string_view source);

}  // namespace pebble::config
