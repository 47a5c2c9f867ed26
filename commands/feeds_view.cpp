#include "feeds_view.h"

#include <string>
#include <utility>

namespace pebble::cli {

namespace {

std::string optional_number(const std::optional<int>& number) {
  return number ? std::to_string(*number) : std::string();
}

}  // namespace

std::vector<ListColumn> feed_columns() {
  return {{"ID", true},        {"STATE"},          {"ITEMS", true},      {"UNREAD", true},
          {"FAILS", true},     {"HTTP", true},     {"LAST POLL"},        {"NEXT POLL"},
          {"TAGS", false, 30}, {"URL", false, 60}, {"TITLE", false, 40}, {"ERROR", false, 60}};
}

std::vector<std::string> feed_cells(const feeds::FeedListing& listing, ListFormat format) {
  const domain::Feed& feed = listing.feed;
  return {std::to_string(feed.id),
          std::string(feeds::feed_state(feed)),
          std::to_string(listing.counts.items),
          std::to_string(listing.counts.unread),
          std::to_string(feed.consecutive_failures),
          optional_number(feed.last_status),
          time_cell(feed.last_polled_at, format),
          time_cell(feed.next_poll_at, format),
          tags_cell(listing.tags, format),
          feed.url,
          feed.title.value_or(""),
          feed.last_error.value_or("")};
}

nlohmann::ordered_json feed_json(const feeds::FeedListing& listing) {
  const domain::Feed& feed = listing.feed;
  nlohmann::ordered_json json = {
      {"id", feed.id},
      {"url", feed.url},
      {"title", text_json(feed.title)},
      {"site_url", text_json(feed.site_url)},
      {"description", text_json(feed.description)},
      {"state", std::string(feeds::feed_state(feed))},
      {"disabled_reason", text_json(feed.disabled_reason)},
      {"tags", listing.tags},
      {"items", listing.counts.items},
      {"unread", listing.counts.unread},
      {"last_status",
       feed.last_status ? nlohmann::ordered_json(*feed.last_status) : nlohmann::ordered_json()},
      {"last_error", text_json(feed.last_error)},
      {"consecutive_failures", feed.consecutive_failures},
      {"last_polled_at", time_json(feed.last_polled_at)},
      {"next_poll_at", time_json(feed.next_poll_at)},
      {"newest_item_date", time_json(feed.newest_item_date)},
      {"etag", text_json(feed.etag)},
      {"last_modified", text_json(feed.last_modified)},
      {"created_at", time_json(feed.created_at)},
  };
  return json;
}

void print_feed_details(std::ostream& out, const feeds::FeedListing& listing) {
  const domain::Feed& feed = listing.feed;
  std::vector<std::pair<std::string, std::string>> fields = {
      {"id", std::to_string(feed.id)},
      {"url", feed.url},
      {"title", feed.title.value_or("")},
      {"site", feed.site_url.value_or("")},
      {"description", feed.description.value_or("")},
      {"state", std::string(feeds::feed_state(feed))},
      {"disabled reason", feed.disabled_reason.value_or("")},
      {"tags", tags_cell(listing.tags, ListFormat::kTable)},
      {"items",
       std::to_string(listing.counts.items) + " (" + std::to_string(listing.counts.unread) + " unread)"},
      {"last poll", time_cell(feed.last_polled_at, ListFormat::kTabs)},
      {"last status", optional_number(feed.last_status)},
      {"last error", feed.last_error.value_or("")},
      {"failures", std::to_string(feed.consecutive_failures)},
      {"next poll", time_cell(feed.next_poll_at, ListFormat::kTabs)},
      {"newest item", time_cell(feed.newest_item_date, ListFormat::kTabs)},
      {"etag", feed.etag.value_or("")},
      {"last modified", feed.last_modified.value_or("")},
      {"subscribed", time_cell(feed.created_at, ListFormat::kTabs)},
  };
  for (const auto& [name, value] : fields) {
    if (value.empty()) continue;
    out << name << ':' << std::string(17 - name.size(), ' ') << cell_text(value) << '\n';
  }
}

}  // namespace pebble::cli
