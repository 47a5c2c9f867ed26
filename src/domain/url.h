#pragma once
// URL identity of bookmarks (SPEC §3): normalization that follows Python's urllib.parse, and the
// unique_hash derived from it.
#include <string>
#include <string_view>

namespace pebble::domain {

// The normalized form of `url` per SPEC §3; a URL that cannot be parsed is returned unchanged.
std::string normalize_url(std::string_view url);

// Lower-case hex SHA-256 of normalize_url(url): the bookmark's `unique_hash`.
std::string url_unique_hash(std::string_view url);

}  // namespace pebble::domain
