// Which bookmark fields an unfurl writes (unfurl/fill_rules.h): never what the user wrote.
#include "unfurl/fill_rules.h"

#include <catch2/catch.hpp>

using pebble::domain::AnnouncedFeed;
using pebble::domain::PageMetadata;
using pebble::store::UnfurlTarget;
using pebble::unfurl::plan_fill;
using pebble::unfurl::primary_feed;

namespace {

PageMetadata page(std::optional<std::string> title, std::optional<std::string> description,
                  std::vector<AnnouncedFeed> feeds = {}) {
  PageMetadata metadata;
  metadata.title = std::move(title);
  metadata.description = std::move(description);
  metadata.feeds = std::move(feeds);
  return metadata;
}

// A target into which an earlier unfurl wrote `written`.
UnfurlTarget unfurled_before(const pebble::domain::BookmarkFill& written) {
  UnfurlTarget target;
  target.bookmark_id = 7;
  pebble::domain::BookmarkUnfurl previous;
  previous.filled = written;
  previous.unfurled_at = pebble::support::Timestamp{1};
  target.previous = previous;
  return target;
}

}  // namespace

TEST_CASE("empty fields are filled, written ones kept", "[unfurl]") {
  UnfurlTarget target;
  target.title = "";
  const auto fill = plan_fill(
      target, page("Page title", "Page text", {{"https://s.example/feed", "application/rss+xml", {}}}),
      false);
  CHECK(fill.title == "Page title");
  CHECK(fill.description == "Page text");
  CHECK(fill.feed_url == "https://s.example/feed");

  target.title = "Mine";
  target.description = "My words";
  target.feed_url = "https://s.example/my-feed";
  const auto kept = plan_fill(
      target, page("Page title", "Page text", {{"https://s.example/feed", "application/rss+xml", {}}}), true);
  CHECK_FALSE(kept.any());  // --overwrite too: no earlier unfurl wrote them
}

TEST_CASE("an empty description is empty; a page without a value fills nothing", "[unfurl]") {
  UnfurlTarget target;
  target.description = "";
  const auto fill = plan_fill(target, page(std::nullopt, "Text"), false);
  CHECK_FALSE(fill.title);
  CHECK(fill.description == "Text");
}

TEST_CASE("overwrite refreshes what an earlier unfurl wrote and nothing the user changed", "[unfurl]") {
  UnfurlTarget target = unfurled_before({"Old title", "Old text", "https://s.example/old"});
  target.title = "Old title";                 // as the unfurl wrote it
  target.description = "Edited by the user";  // changed since
  target.feed_url = "https://s.example/old";  // as the unfurl wrote it
  const PageMetadata now =
      page("New title", "New text", {{"https://s.example/new", "application/rss+xml", {}}});
  CHECK_FALSE(plan_fill(target, now, false).any());  // without --overwrite nothing that is set moves
  const auto fill = plan_fill(target, now, true);
  CHECK(fill.title == "New title");
  CHECK_FALSE(fill.description);
  CHECK(fill.feed_url == "https://s.example/new");
  // What the page said before does not count, only what was written: a field the unfurl never
  // wrote (the user gave it) stays.
  UnfurlTarget given = unfurled_before({std::nullopt, "Old text", std::nullopt});
  given.title = "Old title";
  given.previous->metadata = page("Old title", "Old text");
  CHECK_FALSE(plan_fill(given, now, true).title);
}

TEST_CASE("a field already equal to the page's is not written again", "[unfurl]") {
  UnfurlTarget target;
  target.title = "Same";
  CHECK_FALSE(plan_fill(target, page("Same", std::nullopt), true).any());
}

TEST_CASE("the primary feed is the first that is not a comments feed", "[unfurl]") {
  CHECK_FALSE(primary_feed({}));
  CHECK(primary_feed({{"https://s.example/comments/feed", "application/rss+xml", {}},
                      {"https://s.example/feed", "application/rss+xml", {}},
                      {"https://s.example/atom", "application/atom+xml", {}}}) == "https://s.example/feed");
  CHECK(primary_feed({{"https://s.example/comments/feed", "application/rss+xml", {}}}) ==
        "https://s.example/comments/feed");
}
