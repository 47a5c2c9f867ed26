#pragma once
// RFC 3986 §5 reference resolution: feed links against xml:base or the document URL, and URLs
// inside HTML content against the item's base (html/).
#include <string>
#include <string_view>

namespace pebble::domain {

// `reference` resolved against `base` (RFC 3986 §5.2); when base is not absolute (no scheme) the
// reference is returned as given, since there is nothing to resolve against.
std::string resolve_url(std::string_view base, std::string_view reference);

// Whether `text` is an http: or https: URL (scheme in any case) that names a host: what a base URI
// and a fetched URL may be.
bool is_http_url(std::string_view text);

// Whether `text` starts with a scheme (`https:`), which makes it resolve alike against any base.
bool is_absolute_url(std::string_view text);

}  // namespace pebble::domain
