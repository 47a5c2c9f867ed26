#include "feeds/feed_listing.h"

#include <algorithm>
#include <charconv>

#include "domain/feed_url.h"
#include "support/error.h"

namespace pebble::feeds {

namespace {

bool keeps(FeedFilter filter, const domain::Feed& feed, support::Timestamp now) {
  switch (filter) {
    case FeedFilter::kAll:
      return true;
    case FeedFilter::kFailing:
      return feed_state(feed) == "failing";
    case FeedFilter::kDisabled:
      return feed.disabled;
    case FeedFilter::kDue:
      return is_due(feed, now);
  }
  return true;
}

std::optional<std::int64_t> decimal_id(std::string_view text) {
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size() || id <= 0)
    return std::nullopt;
  return id;
}

}  // namespace

std::string_view feed_state(const domain::Feed& feed) {
  if (feed.disabled) return "disabled";
  return feed.consecutive_failures > 0 ? "failing" : "active";
}

bool is_due(const domain::Feed& feed, support::Timestamp now) {
  return !feed.disabled && (!feed.next_poll_at || *feed.next_poll_at <= now);
}

std::vector<FeedListing> list_feeds(FeedReadStores stores, FeedFilter filter, support::Timestamp now) {
  // A thousand feeds are one scan each of feeds and feed_tags; the counts live on the feed rows.
  auto counts = stores.subscriptions.feed_item_counts(std::nullopt);
  auto tags = stores.subscriptions.feed_tags(std::nullopt);
  std::vector<FeedListing> listings;
  for (domain::Feed& feed : stores.feeds.list_feeds()) {
    if (!keeps(filter, feed, now)) continue;
    FeedListing listing{std::move(feed), {}, {}};
    if (auto found = tags.find(listing.feed.id); found != tags.end()) listing.tags = std::move(found->second);
    if (auto found = counts.find(listing.feed.id); found != counts.end()) listing.counts = found->second;
    listings.push_back(std::move(listing));
  }
  return listings;
}

FeedListing describe_feed(FeedReadStores stores, const domain::Feed& feed) {
  FeedListing listing{feed, {}, {}};
  auto tags = stores.subscriptions.feed_tags(feed.id);
  if (!tags.empty()) listing.tags = std::move(tags.begin()->second);
  const auto counts = stores.subscriptions.feed_item_counts(feed.id);
  if (!counts.empty()) listing.counts = counts.begin()->second;
  return listing;
}

std::optional<domain::Feed> find_feed(store::FeedStore& feeds, std::string_view reference) {
  if (const auto id = decimal_id(reference)) return feeds.get_feed(*id);
  if (auto feed = feeds.find_feed_by_url(std::string(reference))) return feed;
  try {
    return feeds.find_feed_by_url(domain::normalize_feed_url(reference));
  } catch (const support::UsageError&) {
    return std::nullopt;  // not a URL any feed could have been subscribed under
  }
}

}  // namespace pebble::feeds
