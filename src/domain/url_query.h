#pragma once
// The query part of URL normalization (SPEC §3 step 4): parse_qsl, tracking-key filter, stable
// sort by key, urlencode.
#include <string>
#include <string_view>

namespace pebble::domain::url_detail {

// The normalized query (without '?'); empty when nothing is left.
std::string normalize_query(std::string_view query);

// True for keys the web app strips: utm_* and the click/referrer ids, compared lower-cased.
bool is_tracking_key(std::string_view decoded_key);

}  // namespace pebble::domain::url_detail
