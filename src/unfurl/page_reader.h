#pragma once
// What one fetched bookmark page came to: a value, never an exception (DESIGN "expected outcomes
// are values"). An HTML page gives its metadata, a feed gives its own (the page is a feed), a 304
// says the stored metadata still holds; anything else is a status with one line saying why.
#include <optional>
#include <string>

#include "domain/page_metadata.h"
#include "http/http_client.h"

namespace pebble::unfurl {

// One page as read.
struct PageRead {
  domain::UnfurlStatus status = domain::UnfurlStatus::kError;
  std::optional<int> http_status;                // null when no response arrived
  std::string error;                             // one line naming the URL when status is not success
  bool not_modified = false;                     // 304: the stored metadata is still the page's
  bool is_feed = false;                          // the page is a feed itself; metadata is the feed's
  bool truncated = false;                        // read from the first --max-size bytes of a longer body
  std::optional<domain::PageMetadata> metadata;  // set for a success other than 304
  std::string final_url;                         // after redirects
  std::optional<std::string> etag;               // validators of the response, checked (RFC 9110)
  std::optional<std::string> last_modified;
  double duration_seconds = 0;  // fetching and reading
};

// `options` for fetching bookmark pages: HTML asked for first, and a page longer than max_size read
// from its first max_size bytes (its metadata is at the start) instead of failing.
http::FetcherOptions page_fetch_options(http::FetcherOptions options);

// Whether a response is an HTML page: Content-Type text/html or xhtml, or, whatever the type says,
// a body starting with <!doctype html> or <html> (servers label pages text/plain or octet-stream).
bool is_html_page(const http::FetchResponse& response);

// Reads the completed fetch of `url`. A cancelled fetch must not reach here.
PageRead read_page(const http::FetchResponse& response, const std::string& url);

}  // namespace pebble::unfurl
