#include "poll/poll_report.h"

#include <cstdio>

#include "support/redact.h"

namespace pebble::poll {

namespace {

nlohmann::json optional_text(const std::optional<std::string>& text) {
  return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
}

nlohmann::json optional_date(const std::optional<support::Timestamp>& date) {
  return date ? nlohmann::json(support::format_rfc3339(*date)) : nlohmann::json(nullptr);
}

// The item as --json prints it: the stored columns, the types of its texts, and what extra holds
// (categories and labels, enclosures, media, authors, podcast fields), every key always present.
nlohmann::json item_json(const parse::ParsedItem& item) {
  nlohmann::json json = {{"guid", item.guid},
                         {"link", optional_text(item.link)},
                         {"title", optional_text(item.title)},
                         {"title_type", parse::text_type_name(item.title_type)},
                         {"summary", optional_text(item.summary)},
                         {"summary_type", parse::text_type_name(item.summary_type)},
                         {"content", optional_text(item.content)},
                         {"content_type", parse::text_type_name(item.content_type)},
                         {"author", optional_text(item.author)},
                         {"published", optional_date(item.published)},
                         {"updated", optional_date(item.updated)},
                         {"category_labels", nlohmann::json::object()},
                         {"media", nlohmann::json::array()},
                         {"duration_seconds", nullptr},
                         {"image", nullptr},
                         {"explicit", nullptr}};
  // One spelling of these fields for the store and this report: extra's.
  json.update(nlohmann::json::parse(parse::item_extra_json(item)));
  return json;
}

}  // namespace

nlohmann::json feed_report_json(const FeedReport& report) {
  nlohmann::json items = nlohmann::json::array();
  for (const parse::ParsedItem& item : report.items) items.push_back(item_json(item));
  const PollOutcome& outcome = report.outcome;
  return {
      {"url", support::redact_credentials(report.url)},  // stdout is logged by cron too
      {"status", poll_status_name(outcome.status)},
      {"http_status", outcome.http_status ? nlohmann::json(*outcome.http_status) : nlohmann::json(nullptr)},
      {"error", outcome.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(outcome.error)},
      {"duration_seconds", outcome.duration_seconds},
      {"new_items", report.new_items},
      {"unchanged_items", report.unchanged_items},
      {"items_deleted", report.items_deleted},
      {"feed",
       {{"title", optional_text(report.title)},
        {"link", optional_text(report.link)},
        {"description", optional_text(report.description)},
        {"image", optional_text(report.image)},
        {"icon", optional_text(report.icon)}}},
      {"items", std::move(items)}};
}

std::string poll_summary_text(const PollSummary& summary) {
  std::string reasons;
  for (const auto& [reason, count] : summary.failed_by_reason) {
    reasons += (reasons.empty() ? " (" : ", ") + reason + " " + std::to_string(count);
  }
  if (!reasons.empty()) reasons += ")";
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", summary.seconds);
  return "polled " + std::to_string(summary.polled) + " feed(s) in " + seconds +
         " s: " + std::to_string(summary.ok) + " ok, " + std::to_string(summary.not_modified) +
         " not modified, " + std::to_string(summary.failed) + " failed" + reasons + ", " +
         std::to_string(summary.disabled) + " disabled, " + std::to_string(summary.new_items) +
         " new item(s)" +
         (summary.items_deleted > 0 ? ", " + std::to_string(summary.items_deleted) + " old item(s) deleted"
                                    : "") +
         (summary.interrupted ? "; interrupted" : "");
}

nlohmann::json poll_summary_json(const PollSummary& summary) {
  return {{"polled", summary.polled},
          {"ok", summary.ok},
          {"not_modified", summary.not_modified},
          {"failed", summary.failed},
          {"failed_by_reason", summary.failed_by_reason},
          {"disabled", summary.disabled},
          {"new_items", summary.new_items},
          {"items_deleted", summary.items_deleted},
          {"seconds", summary.seconds},
          {"interrupted", summary.interrupted}};
}

}  // namespace pebble::poll
