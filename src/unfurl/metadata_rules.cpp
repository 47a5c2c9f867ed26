#include "unfurl/metadata_rules.h"

#include <algorithm>
#include <initializer_list>

#include "domain/feed_url.h"
#include "domain/url_resolve.h"
#include "support/error.h"

namespace pebble::unfurl {

namespace {

constexpr std::string_view kFeedTypes[] = {"application/rss+xml", "application/atom+xml",
                                           "application/feed+json"};

// The content of the first of `keys` the page has (Open Graph, then Twitter, then plain meta).
std::optional<std::string> first_meta(const PageTags& tags, std::initializer_list<const char*> keys,
                                      std::size_t max_bytes) {
  for (const char* key : keys) {
    const auto found = tags.meta.find(key);
    if (found == tags.meta.end()) continue;
    if (auto text = one_line(found->second, max_bytes)) return text;
  }
  return std::nullopt;
}

std::optional<std::string> first_meta_url(const PageTags& tags, const std::string& base,
                                          std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    const auto found = tags.meta.find(key);
    if (found == tags.meta.end()) continue;
    const auto text = one_line(found->second, kMaxUrlBytes + 1);
    if (!text) continue;
    if (auto url = http_url(base, *text)) return url;
  }
  return std::nullopt;
}

// The first <link> whose rel holds `token`, resolved.
std::optional<std::string> first_link(const PageTags& tags, const std::string& base, const char* token) {
  for (const PageLink& link : tags.links) {
    if (!has_token(link.rel, token)) continue;
    if (auto url = http_url(base, link.href)) return url;
  }
  return std::nullopt;
}

// A feed's URL in the one form feeds are subscribed under (domain/feed_url.h), so the feed a page
// announces and the same feed added by hand are one row.
std::optional<std::string> feed_url(const std::string& base, std::string_view reference) {
  const auto url = http_url(base, reference);
  if (!url) return std::nullopt;
  try {
    return domain::normalize_feed_url(*url);
  } catch (const support::UsageError&) {
    return std::nullopt;
  }
}

std::vector<domain::AnnouncedFeed> announced_feeds(const PageTags& tags, const std::string& base) {
  std::vector<domain::AnnouncedFeed> feeds;
  for (const PageLink& link : tags.links) {
    if (!has_token(link.rel, "alternate") || !is_feed_type(link.type)) continue;
    auto url = feed_url(base, link.href);
    if (!url) continue;
    const bool seen = std::any_of(feeds.begin(), feeds.end(),
                                  [&](const domain::AnnouncedFeed& feed) { return feed.url == *url; });
    if (seen) continue;
    feeds.push_back(
        {std::move(*url), link.type, link.title ? one_line(*link.title, kMaxTitleBytes) : std::nullopt});
  }
  return feeds;
}

}  // namespace

bool is_feed_type(std::string_view media_type) {
  return std::find(std::begin(kFeedTypes), std::end(kFeedTypes), media_type) != std::end(kFeedTypes);
}

std::optional<std::string> http_url(const std::string& base, std::string_view reference) {
  if (reference.empty()) return std::nullopt;
  std::string resolved = domain::resolve_url(base, reference);
  if (!domain::is_http_url(resolved) || resolved.size() > kMaxUrlBytes) return std::nullopt;
  if (std::any_of(resolved.begin(), resolved.end(), [](unsigned char c) { return c <= ' ' || c == 0x7F; }))
    return std::nullopt;
  return resolved;
}

std::optional<std::string> one_line(std::string_view text, std::size_t max_bytes) {
  std::string line;
  bool pending_space = false;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= ' ' || byte == 0x7F) {
      pending_space = !line.empty();
      continue;
    }
    if (pending_space) line += ' ';
    pending_space = false;
    line += c;
  }
  if (line.size() > max_bytes) {
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
      --cut;  // not inside a character
    line.resize(cut);
    while (!line.empty() && line.back() == ' ') line.pop_back();
  }
  if (line.empty()) return std::nullopt;
  return line;
}

domain::PageMetadata metadata_from_tags(const PageTags& tags, const std::string& page_url) {
  std::string base = page_url;
  if (tags.base_href) {
    if (auto resolved = http_url(page_url, *tags.base_href)) base = std::move(*resolved);
  }
  domain::PageMetadata metadata;
  metadata.title = first_meta(tags, {"og:title", "twitter:title"}, kMaxTitleBytes);
  if (!metadata.title && tags.title) metadata.title = one_line(*tags.title, kMaxTitleBytes);
  metadata.description =
      first_meta(tags, {"og:description", "twitter:description", "description"}, kMaxDescriptionBytes);
  metadata.site_name = first_meta(tags, {"og:site_name", "application-name"}, kMaxSiteNameBytes);
  metadata.image = first_meta_url(
      tags, base, {"og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"});
  metadata.favicon = first_link(tags, base, "icon");
  if (!metadata.favicon) metadata.favicon = first_link(tags, base, "apple-touch-icon");
  metadata.feeds = announced_feeds(tags, base);
  return metadata;
}

}  // namespace pebble::unfurl
