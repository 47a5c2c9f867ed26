#pragma once
// `feeds add` given a web page: the feeds the page announces (<link rel="alternate"> of an RSS,
// Atom or JSON Feed type), read by the same code as `pebble unfurl` (unfurl/page_reader.h).
#include <vector>

#include "domain/page_metadata.h"
#include "http/http_client.h"

namespace pebble::feeds {

// The feeds to subscribe of the HTML page `page`: the first it announces of each type (in
// unfurl::in_preference_order, so a comments feed only when it is the only one of its type), or
// with `all_feeds` every one in document order; empty when it announces none.
std::vector<domain::AnnouncedFeed> feeds_to_follow(const http::FetchResponse& page, bool all_feeds);

}  // namespace pebble::feeds
