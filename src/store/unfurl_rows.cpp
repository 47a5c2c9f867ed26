#include "store/unfurl_rows.h"

#include <nlohmann/json.hpp>

namespace pebble::store {

const char* const kUnfurlTargetSelect =
    "SELECT b.id, b.url, b.title, b.description, b.feed_url, u.bookmark_id, u.status, u.http_status, "
    "u.error, "
    "u.final_url, u.title, u.description, u.site_name, u.image_url, u.favicon_url, u.feeds, u.etag, "
    "u.last_modified, u.attempted_at, u.unfurled_at, u.filled_title, u.filled_description, u.filled_feed_url "
    "FROM bookmarks b LEFT JOIN bookmark_unfurls u ON u.bookmark_id = b.id ";

std::string announced_feeds_json(const std::vector<domain::AnnouncedFeed>& feeds) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const domain::AnnouncedFeed& feed : feeds) {
    list.push_back({{"url", feed.url},
                    {"type", feed.type},
                    {"title", feed.title ? nlohmann::ordered_json(*feed.title) : nlohmann::ordered_json()}});
  }
  // Page text may hold invalid UTF-8 only if the reader let it through; never fail the write on it.
  return list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<domain::AnnouncedFeed> announced_feeds_from_json(const std::string& json) {
  std::vector<domain::AnnouncedFeed> feeds;
  const nlohmann::json list = nlohmann::json::parse(json, nullptr, false);
  if (!list.is_array()) return feeds;
  for (const nlohmann::json& entry : list) {
    if (!entry.is_object() || !entry.contains("url") || !entry["url"].is_string()) continue;
    domain::AnnouncedFeed feed;
    feed.url = entry["url"].get<std::string>();
    if (entry.contains("type") && entry["type"].is_string()) feed.type = entry["type"].get<std::string>();
    if (entry.contains("title") && entry["title"].is_string()) feed.title = entry["title"].get<std::string>();
    feeds.push_back(std::move(feed));
  }
  return feeds;
}

}  // namespace pebble::store
