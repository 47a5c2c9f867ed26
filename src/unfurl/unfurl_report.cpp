#include "unfurl/unfurl_report.h"

#include <cstdio>

#include "support/redact.h"

namespace pebble::unfurl {

namespace {

nlohmann::ordered_json optional_text(const std::optional<std::string>& text) {
  return text ? nlohmann::ordered_json(*text) : nlohmann::ordered_json(nullptr);
}

// The names of the filled fields, in column order.
std::vector<std::string> filled_names(const store::BookmarkFill& filled) {
  std::vector<std::string> names;
  if (filled.title) names.emplace_back("title");
  if (filled.description) names.emplace_back("description");
  if (filled.feed_url) names.emplace_back("feed_url");
  return names;
}

}  // namespace

nlohmann::ordered_json page_report_json(const PageReport& report) {
  const PageRead& read = report.read;
  const bool read_ok = read.status == domain::UnfurlStatus::kSuccess;
  // What the page says: as read now, or as stored when it answered 304; nothing when it failed.
  const domain::PageMetadata metadata = read_ok ? report.written.row.metadata : domain::PageMetadata{};
  nlohmann::ordered_json feeds = nlohmann::ordered_json::array();
  for (const domain::AnnouncedFeed& feed : metadata.feeds)
    feeds.push_back({{"url", feed.url}, {"type", feed.type}, {"title", optional_text(feed.title)}});
  return {{"bookmark_id", report.target.bookmark_id},
          {"url", support::redact_credentials(report.target.url)},  // stdout is logged by cron too
          {"final_url", support::redact_credentials(read.final_url)},
          {"status", domain::unfurl_status_name(read.status)},
          {"http_status",
           read.http_status ? nlohmann::ordered_json(*read.http_status) : nlohmann::ordered_json()},
          {"error", read.error.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(read.error)},
          {"duration_seconds", read.duration_seconds},
          {"not_modified", read.not_modified},
          {"is_feed", read.is_feed},
          {"truncated", read.truncated},
          {"title", optional_text(metadata.title)},
          {"description", optional_text(metadata.description)},
          {"site_name", optional_text(metadata.site_name)},
          {"image", optional_text(metadata.image)},
          {"favicon", optional_text(metadata.favicon)},
          {"feeds", std::move(feeds)},
          {"filled", filled_names(report.written.filled)},
          {"feed_subscribed", report.written.feed_subscribed}};
}

std::string page_report_line(const PageReport& report) {
  const domain::PageMetadata& metadata = report.written.row.metadata;
  std::string line = "unfurled bookmark " + std::to_string(report.target.bookmark_id) + " " +
                     support::redact_credentials(report.target.url) + ": " +
                     metadata.title.value_or("(no title)");
  std::string notes;
  if (report.read.not_modified) notes = "not modified";
  if (report.read.is_feed) notes = "a feed";
  const std::vector<std::string> filled = filled_names(report.written.filled);
  for (std::size_t index = 0; index < filled.size(); ++index)
    notes += (index == 0 ? (notes.empty() ? "filled " : ", filled ") : ", ") + filled[index];
  return notes.empty() ? line : line + " (" + notes + ")";
}

std::string unfurl_summary_text(const UnfurlSummary& summary) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", summary.seconds);
  std::string text = "unfurled " + std::to_string(summary.pages) + " page(s) in " + seconds + " s:";
  const char* separator = " ";
  for (const char* status : {"success", "not_found", "error", "not_html", "blocked"}) {
    const auto found = summary.by_status.find(status);
    text += separator + std::to_string(found == summary.by_status.end() ? 0 : found->second) + " " + status;
    separator = ", ";
  }
  text += "; filled " + std::to_string(summary.titles_filled) + " title(s), " +
          std::to_string(summary.descriptions_filled) + " description(s), " +
          std::to_string(summary.feed_urls_filled) + " feed URL(s) (" +
          std::to_string(summary.feeds_subscribed) + " new feed(s))";
  if (summary.interrupted) text += "; interrupted";
  return text;
}

nlohmann::json unfurl_summary_json(const UnfurlSummary& summary) {
  return {{"pages", summary.pages},
          {"by_status", summary.by_status},
          {"failed", summary.failed()},
          {"titles_filled", summary.titles_filled},
          {"descriptions_filled", summary.descriptions_filled},
          {"feed_urls_filled", summary.feed_urls_filled},
          {"feeds_subscribed", summary.feeds_subscribed},
          {"seconds", summary.seconds},
          {"interrupted", summary.interrupted}};
}

}  // namespace pebble::unfurl
