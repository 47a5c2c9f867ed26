#include "parse/newest_items.h"

#include <algorithm>
#include <numeric>
#include <optional>
#include <vector>

namespace pebble::parse {

namespace {

std::optional<support::Timestamp> item_date(const ParsedItem& item) {
  return item.published ? item.published : item.updated;
}

}  // namespace

void keep_newest_items(ParsedFeed& feed) {
  std::vector<ParsedItem>& items = feed.items;
  if (items.size() <= feed.max_items) return;
  // A strict total order (date, then position), so pruning a prefix early keeps the same items
  // as pruning the whole list once.
  std::vector<std::size_t> order(items.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  const auto newer = [&](std::size_t a, std::size_t b) {
    const auto date_a = item_date(items[a]);
    const auto date_b = item_date(items[b]);
    if (date_a.has_value() != date_b.has_value()) return date_a.has_value();
    if (date_a && *date_a != *date_b) return *date_a > *date_b;
    return a < b;
  };
  const auto cut = order.begin() + static_cast<std::ptrdiff_t>(feed.max_items);
  std::nth_element(order.begin(), cut, order.end(), newer);
  std::vector<bool> keep(items.size(), false);
  for (auto it = order.begin(); it != cut; ++it) keep[*it] = true;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (keep[i]) {
      if (kept != i) items[kept] = std::move(items[i]);
      ++kept;
    }
  }
  feed.items_dropped += items.size() - kept;
  items.resize(kept);
}

void append_item(ParsedFeed& feed, ParsedItem item) {
  feed.items.push_back(std::move(item));
  if (feed.items.size() / 2 >= feed.max_items) keep_newest_items(feed);
}

}  // namespace pebble::parse
