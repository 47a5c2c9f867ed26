#pragma once
// The authority part of URL normalization (SPEC §3 steps 1-2), with the checks Python's urlsplit
// and SplitResult.port make: a netloc they reject makes the whole URL "unparseable".
#include <optional>
#include <string>
#include <string_view>

namespace pebble::domain::url_detail {

// The netloc to keep: host lower-cased (IPv6 brackets kept), userinfo dropped, port dropped when
// empty or the scheme's default; nullopt when Python would raise ValueError for this netloc.
std::optional<std::string> normalize_netloc(std::string_view netloc, std::string_view scheme);

// True when `host` (the text between [ and ]) is an IPv6 address (with optional %zone) or an
// IPvFuture literal, as urllib.parse._check_bracketed_host accepts.
bool is_valid_bracketed_host(std::string_view host);

}  // namespace pebble::domain::url_detail
