#pragma once
// What a web page says about itself: the feed it announces and its title and description. These
// are the seams where issue #15 (discovery and unfurl) plugs in: `feeds add` hands an HTML page to
// announced_feed_url, and `bookmarks add` without --title or --description asks unfurl_page.
#include <optional>
#include <string>

#include "domain/page_summary.h"
#include "http/http_client.h"

namespace pebble::feeds {

// Whether a response is an HTML page (Content-Type text/html or xhtml, or an HTML document by its
// first bytes) rather than a feed.
bool is_html_page(const http::FetchResponse& response);

// The feed URL an HTML page announces (<link rel="alternate" type="application/rss+xml" href=…>),
// absolute; nullopt when it announces none. Until #15 lands no page announces anything, and
// `feeds add` reports the page as not a feed.
std::optional<std::string> announced_feed_url(const http::FetchResponse& page);

// The title and description of the page at `url`, for a bookmark added without them. Until #15
// lands it learns nothing (fetches nothing), and the bookmark keeps an empty title.
domain::PageSummary unfurl_page(const std::string& url);

}  // namespace pebble::feeds
