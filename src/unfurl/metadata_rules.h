#pragma once
// The unfurl's precedence rules: a page's metadata from its tags. Open Graph first, then the
// Twitter card, then the page's own <title> and <meta name="description">; every URL resolved
// against <base href> (itself resolved against the page's URL) and kept only when it is http(s).
#include <optional>
#include <string>
#include <string_view>

#include "domain/page_metadata.h"
#include "unfurl/page_tags.h"

namespace pebble::unfurl {

// The feed media types a page may announce with <link rel="alternate">.
bool is_feed_type(std::string_view media_type);

// The metadata `tags` give for the page at `page_url` (its URL after redirects).
domain::PageMetadata metadata_from_tags(const PageTags& tags, const std::string& page_url);

// `text` as one line: runs of whitespace and control characters become one space, the ends are
// trimmed, and more than `max_bytes` is cut at a character boundary; nullopt when nothing is left.
std::optional<std::string> one_line(std::string_view text, std::size_t max_bytes);

// `reference` resolved against `base` when that gives an http(s) URL with a host, of at most
// kMaxUrlBytes and without spaces or control characters; nullopt otherwise.
std::optional<std::string> http_url(const std::string& base, std::string_view reference);

// The longest title, description and site name kept, in bytes: a page's text, not a document.
inline constexpr std::size_t kMaxTitleBytes = 2000;
inline constexpr std::size_t kMaxDescriptionBytes = 10000;
inline constexpr std::size_t kMaxSiteNameBytes = 500;
// A longer URL (a data: icon in disguise, a tracking monster) is dropped rather than cut.
inline constexpr std::size_t kMaxUrlBytes = 2048;

}  // namespace pebble::unfurl
