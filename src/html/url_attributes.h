#pragma once
// URL-bearing attributes of HTML content: resolved against the item's base (RFC 3986 §5, so a
// relative link works wherever the content is shown) and kept only when the result is a URL a
// reader may follow or load: no javascript:, vbscript: or data: (save images), whatever the case,
// the entities or the whitespace and control characters hiding them.
#include <optional>
#include <string>
#include <string_view>

namespace pebble::html {

// Whether the attribute `name` (namespace prefix included) holds one URL: href, src, cite, action,
// background, longdesc, usemap, data, poster, codebase, xlink:href and the like (not srcset).
bool is_url_attribute(std::string_view name);

// `value` resolved against `base` (left relative when `base` is not absolute), or nullopt when the
// result's scheme is not a safe one; a data: URL is safe only for an image (`image`) and of an
// image type.
std::optional<std::string> safe_url(std::string_view value, std::string_view base, bool image);

// A srcset value with each candidate's URL resolved as safe_url resolves an image's, candidates
// with an unsafe URL left out; nullopt when none is left.
std::optional<std::string> safe_srcset(std::string_view value, std::string_view base);

}  // namespace pebble::html
