#pragma once
// URLs a user types for a feed or a bookmark: checked to be absolute http or https URLs, `host/path`
// meaning `http://host/path`; a feed URL also gets its one form, so `host/path`,
// `HTTP://Host:80/path#top` and `http://host/path` are the same subscription.
#include <string>
#include <string_view>

namespace pebble::domain {

// `text` as a subscription URL: surrounding spaces trimmed, `http://` added when no scheme is
// given, scheme and host lower-cased, the default port dropped, an empty path made `/`, the fragment
// (never sent to a server) dropped; userinfo, path and query are kept as given. Throws UsageError
// "<text>: <why>" when it cannot be an http or https URL (another scheme, no host, a bad port,
// whitespace or control characters).
std::string normalize_feed_url(std::string_view text);

// `text` trimmed, with `http://` added when no scheme is given, otherwise exactly as typed (a
// bookmark keeps its URL as given); throws UsageError as normalize_feed_url does.
std::string absolute_http_url(std::string_view text);

}  // namespace pebble::domain
