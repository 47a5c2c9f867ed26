#include "unfurl/page_reader.h"

#include <chrono>

#include "domain/feed_url.h"
#include "parse/parse_feed.h"
#include "poll/cache_validators.h"
#include "support/ascii_text.h"
#include "support/error.h"
#include "support/redact.h"
#include "unfurl/html_metadata.h"
#include "unfurl/metadata_rules.h"

namespace pebble::unfurl {

namespace {

using domain::UnfurlStatus;

const char* feed_media_type(parse::FeedKind kind) {
  switch (kind) {
    case parse::FeedKind::kAtom:
      return "application/atom+xml";
    case parse::FeedKind::kJson:
      return "application/feed+json";
    case parse::FeedKind::kRss:
    case parse::FeedKind::kRdf:
      break;
  }
  return "application/rss+xml";
}

// The metadata of a body that is a feed, nullopt when it is not one.
std::optional<domain::PageMetadata> feed_metadata(const http::FetchResponse& response) {
  const std::string base = parse::document_base_url(response.final_url, response.content_location);
  parse::ParsedFeed feed;
  try {
    feed = parse::parse_feed(response.body, base, response.content_type.value_or(""), 1);
  } catch (const parse::FeedParseError&) {
    return std::nullopt;
  }
  domain::PageMetadata metadata;
  if (feed.title) {
    metadata.title =
        one_line(feed.title_type == domain::TextType::kHtml ? html_fragment_text(*feed.title) : *feed.title,
                 kMaxTitleBytes);
  }
  if (feed.description) {
    metadata.description =
        one_line(feed.description_type == domain::TextType::kHtml ? html_fragment_text(*feed.description)
                                                                  : *feed.description,
                 kMaxDescriptionBytes);
  }
  // A logo or icon the parser left relative resolves against the feed's base, as its links do.
  for (auto [from, to] :
       {std::pair{&feed.image, &metadata.image}, std::pair{&feed.icon, &metadata.favicon}}) {
    if (*from) *to = http_url(feed.base_url, **from);
  }
  std::string url = response.final_url;
  try {
    url = domain::normalize_feed_url(url);  // the form it is subscribed under (domain/feed_url.h)
  } catch (const support::UsageError&) {    // fetched, so it is an http(s) URL; keep it as it is
  }
  metadata.feeds.push_back({std::move(url), feed_media_type(feed.kind), metadata.title});
  return metadata;
}

std::string content_type_text(const http::FetchResponse& response) {
  if (!response.content_type || response.content_type->empty()) return "no Content-Type";
  return "Content-Type " + one_line(*response.content_type, 200).value_or("");
}

}  // namespace

http::FetcherOptions page_fetch_options(http::FetcherOptions options) {
  options.accept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.8";
  options.cut_at_max_size = true;
  return options;
}

bool is_html_page(const http::FetchResponse& response) {
  if (response.content_type) {
    const std::string type = support::ascii_lower(*response.content_type);
    if (type.starts_with("text/html") || type.starts_with("application/xhtml+xml")) return true;
  }
  const std::size_t start = response.body.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (start == std::string::npos) return false;
  const std::string head = support::ascii_lower(std::string_view(response.body).substr(start, 15));
  return head.starts_with("<!doctype html") || head.starts_with("<html");
}

PageRead read_page(const http::FetchResponse& response, const std::string& url) {
  const auto started = std::chrono::steady_clock::now();
  PageRead read;
  read.final_url = response.final_url.empty() ? url : response.final_url;
  read.truncated = response.truncated;
  const std::string where = support::redact_credentials(url);
  if (response.failure != http::FetchFailure::kNone) {
    read.status =
        response.failure == http::FetchFailure::kDenied ? UnfurlStatus::kBlocked : UnfurlStatus::kError;
    read.error = response.error;  // "URL: reason"
    read.duration_seconds = response.duration_seconds;
    return read;
  }
  read.http_status = static_cast<int>(response.status);
  read.etag = poll::conforming_entity_tag(response.etag);
  read.last_modified = poll::conforming_http_date(response.last_modified);
  const long status = response.status;
  if (status == 304) {
    read.status = UnfurlStatus::kSuccess;
    read.not_modified = true;
  } else if (status == 404 || status == 410) {
    read.status = UnfurlStatus::kNotFound;
    read.error = where + ": HTTP " + std::to_string(status);
  } else if (status == 401 || status == 403 || status == 451) {
    read.status = UnfurlStatus::kBlocked;
    read.error = where + ": HTTP " + std::to_string(status) + " (the server refused to show the page)";
  } else if (status < 200 || status > 299) {
    read.status = UnfurlStatus::kError;
    read.error = where + ": HTTP " + std::to_string(status);
  } else if (is_html_page(response)) {
    read.status = UnfurlStatus::kSuccess;
    read.metadata = read_html_metadata(response.body, response.content_type.value_or(""), read.final_url);
  } else if (auto metadata = feed_metadata(response)) {
    read.status = UnfurlStatus::kSuccess;
    read.is_feed = true;
    read.metadata = std::move(metadata);
  } else {
    read.status = UnfurlStatus::kNotHtml;
    read.error = where + ": not an HTML page or a feed (" + content_type_text(response) + ")";
  }
  if (read.status != UnfurlStatus::kSuccess) {
    read.etag.reset();  // validators only matter for a page that was read
    read.last_modified.reset();
  }
  read.duration_seconds = response.duration_seconds +
                          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return read;
}

}  // namespace pebble::unfurl
