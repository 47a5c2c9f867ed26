#pragma once
// What a web page says about itself, as unfurling reads it (issue #15), and the stored unfurl of a
// bookmark (a row of bookmark_unfurls): vocabulary shared by the unfurl engine and the store.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/time.h"

namespace pebble::domain {

// A feed a page announces with <link rel="alternate" type="…" href="…">, its URL absolute.
struct AnnouncedFeed {
  std::string url;
  std::string type;  // application/rss+xml, application/atom+xml or application/feed+json
  std::optional<std::string> title;
  bool operator==(const AnnouncedFeed&) const = default;
};

// A page's metadata; every URL is absolute http(s).
struct PageMetadata {
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<std::string> site_name;
  std::optional<std::string> image;
  std::optional<std::string> favicon;
  std::vector<AnnouncedFeed> feeds;  // in document order, each URL once
  bool operator==(const PageMetadata&) const = default;
};

// How one unfurl ended (the `status` label of unfurl_operations_total).
enum class UnfurlStatus {
  kSuccess,   // a page (or a feed) was read, or answered 304 Not Modified
  kNotFound,  // HTTP 404 or 410
  kError,     // network failure, timeout, another HTTP error: worth another try later
  kNotHtml,   // answered with something that is neither HTML nor a feed (an image, a PDF)
  kBlocked,   // refused: PEBBLE_DENY_PRIVATE_NETWORKS, or HTTP 401, 403 or 451
};

// "success", "not_found", "error", "not_html" or "blocked": the stored and printed spelling.
constexpr const char* unfurl_status_name(UnfurlStatus status) {
  switch (status) {
    case UnfurlStatus::kSuccess:
      return "success";
    case UnfurlStatus::kNotFound:
      return "not_found";
    case UnfurlStatus::kNotHtml:
      return "not_html";
    case UnfurlStatus::kBlocked:
      return "blocked";
    case UnfurlStatus::kError:
      break;
  }
  return "error";
}

// The status a stored spelling names; nullopt for anything else.
constexpr std::optional<UnfurlStatus> unfurl_status_from_name(std::string_view name) {
  for (const UnfurlStatus status : {UnfurlStatus::kSuccess, UnfurlStatus::kNotFound, UnfurlStatus::kError,
                                    UnfurlStatus::kNotHtml, UnfurlStatus::kBlocked}) {
    if (name == unfurl_status_name(status)) return status;
  }
  return std::nullopt;
}

// Bookmark columns an unfurl writes; the ones left unset keep their value.
struct BookmarkFill {
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<std::string> feed_url;
  // Whether any column is set.
  bool any() const { return title || description || feed_url; }
};

// A row of bookmark_unfurls: the latest unfurl attempt of one bookmark, the metadata of the latest
// that succeeded, and what unfurls wrote into the bookmark.
struct BookmarkUnfurl {
  std::int64_t bookmark_id = 0;
  UnfurlStatus status = UnfurlStatus::kError;  // of the latest attempt
  std::optional<int> http_status;              // of the latest attempt, null when no response came
  std::optional<std::string> error;            // of the latest attempt, one line
  std::optional<std::string> final_url;        // where the page was read, after redirects
  PageMetadata metadata;                       // as the latest successful attempt read it
  std::optional<std::string> etag;             // validators for the next attempt's conditional GET
  std::optional<std::string> last_modified;
  support::Timestamp attempted_at;
  std::optional<support::Timestamp> unfurled_at;  // of the latest success; null: never unfurled
  // Per column, the value an unfurl last wrote into the bookmark: while the bookmark still holds
  // it, the user has not changed it, and --overwrite may refresh it.
  BookmarkFill filled;
};

}  // namespace pebble::domain
