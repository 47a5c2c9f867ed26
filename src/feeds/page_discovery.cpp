#include "feeds/page_discovery.h"

#include "support/ascii_text.h"

namespace pebble::feeds {

bool is_html_page(const http::FetchResponse& response) {
  if (response.content_type) {
    const std::string type = support::ascii_lower(*response.content_type);
    if (type.starts_with("text/html") || type.starts_with("application/xhtml+xml")) return true;
  }
  // Servers label pages text/plain or application/octet-stream too: look at the first tag.
  const std::size_t start = response.body.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (start == std::string::npos) return false;
  const std::string head = support::ascii_lower(std::string_view(response.body).substr(start, 15));
  return head.starts_with("<!doctype html") || head.starts_with("<html");
}

std::optional<std::string> announced_feed_url(const http::FetchResponse& page) {
  static_cast<void>(page);  // issue #15 reads the page's <link rel="alternate"> elements here
  return std::nullopt;
}

domain::PageSummary unfurl_page(const std::string& url) {
  static_cast<void>(url);  // issue #15 fetches the page and reads its <title> and description here
  return {};
}

}  // namespace pebble::feeds
