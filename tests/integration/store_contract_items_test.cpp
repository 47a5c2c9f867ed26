// The store contract: feed items listed newest first with their filters, full-text search (FTS5 and
// tsvector agree), read state and the per-feed item counts the migration's triggers keep.
#include <catch2/catch.hpp>

#include "store_backends.h"

using pebble::domain::FeedItemInput;
using pebble::store::ItemQuery;
using pebble::store::ItemSelection;
using pebble::store::ListedItem;
using pebble::store::Store;
using pebble::support::Timestamp;
using pebble::test::at;

namespace {

using Guids = std::vector<std::string>;

const Timestamp kSeen = at("2025-06-01T12:00:00Z");

FeedItemInput item(const std::string& guid, std::optional<const char*> published, std::string title,
                   std::optional<std::string> summary = std::nullopt,
                   std::optional<std::string> content = std::nullopt) {
  FeedItemInput input;
  input.guid = guid;
  input.link = "https://example.com/" + guid;
  input.title = std::move(title);
  input.summary = std::move(summary);
  input.content = std::move(content);
  if (published) input.published_at = at(*published);
  return input;
}

Guids listed(Store& store, const ItemQuery& query) {
  Guids guids;
  store.for_each_item(query, [&](const ListedItem& listed) { guids.push_back(listed.guid); });
  return guids;
}

Guids searched(Store& store, const std::string& text) {
  ItemQuery query;
  query.search = text;
  return listed(store, query);
}

struct TwoFeeds {
  std::int64_t news = 0;
  std::int64_t blog = 0;
};

// news: n1 (2024-01-01), n2 (2024-01-03), n3 (undated: first seen 2025-06-01); blog: b1 (2024-01-02).
TwoFeeds make_items(Store& store) {
  TwoFeeds feeds;
  feeds.news = store.get_or_create_feed("https://news.example/feed").first.id;
  feeds.blog = store.get_or_create_feed("https://blog.example/feed").first.id;
  store.upsert_feed_item(feeds.news,
                         item("n1", "2024-01-01T00:00:00Z", "Kernel release notes", "The kernel 6.9 ships",
                              "<p>Rust drivers in the <b>kernel</b></p>"),
                         kSeen);
  store.upsert_feed_item(feeds.blog, item("b1", "2024-01-02T00:00:00Z", "Garden diary", "Tomatoes and basil"),
                         kSeen);
  store.upsert_feed_item(feeds.news, item("n2", "2024-01-03T00:00:00Z", "Compiler news", "GCC-14 and clang"),
                         kSeen);
  store.upsert_feed_item(feeds.news, item("n3", std::nullopt, "Undated KERNEL item"), kSeen);
  return feeds;
}

}  // namespace

TEST_CASE("for_each_item lists newest first with feed, since, unread and limit filters", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  const TwoFeeds feeds = make_items(store);

  ItemQuery query;
  CHECK(listed(store, query) == Guids{"n3", "n2", "b1", "n1"});
  std::vector<ListedItem> rows;
  store.for_each_item(query, [&](const ListedItem& listed) { rows.push_back(listed); });
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].date == kSeen);  // undated: its first-seen date
  CHECK(rows[1].date == at("2024-01-03T00:00:00Z"));
  CHECK(rows[1].feed_url == "https://news.example/feed");
  CHECK_FALSE(rows[1].feed_title.has_value());
  CHECK(rows[1].link == "https://example.com/n2");
  CHECK(rows[1].summary == "GCC-14 and clang");
  CHECK(rows[3].content == "<p>Rust drivers in the <b>kernel</b></p>");
  CHECK_FALSE(rows[1].read_at.has_value());

  query.feed_id = feeds.news;
  CHECK(listed(store, query) == Guids{"n3", "n2", "n1"});
  query.limit = 2;
  CHECK(listed(store, query) == Guids{"n3", "n2"});
  query = ItemQuery{};
  query.since = at("2024-01-02T00:00:00Z");
  CHECK(listed(store, query) == Guids{"n3", "n2", "b1"});
  query = ItemQuery{};
  query.feed_id = feeds.blog + feeds.news + 1;  // no such feed
  CHECK(listed(store, query).empty());
}

TEST_CASE("items are searched by whole words, prefixes and ASCII case in title, summary and content",
          "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  make_items(store);

  CHECK(searched(store, "kernel") == Guids{"n3", "n1"});  // title in any case, and markup
  CHECK(searched(store, "KERNEL rust") == Guids{"n1"});   // every word, content included
  CHECK(searched(store, "tomatoes") == Guids{"b1"});      // summary
  CHECK(searched(store, "kern") == Guids{});              // whole words only
  CHECK(searched(store, "kern*") == Guids{"n3", "n1"});   // a prefix
  CHECK(searched(store, "gcc") == Guids{"n2"});           // punctuation separates words
  CHECK(searched(store, "14") == Guids{"n2"});
  CHECK(searched(store, "6.9") == Guids{"n1"});               // "6" and "9"
  CHECK(searched(store, "p").empty());                        // markup is not text (a reader sees none)
  CHECK(searched(store, "\"garden\" OR kernel") == Guids{});  // no query syntax: OR is a word
  CHECK(searched(store, "!!!").empty());                      // no word finds nothing

  // With a LIMIT and many matches the store walks the date index instead of reading every match
  // (sqlite_search.cpp); the answer is the same: the newest matches.
  const auto blog = store.find_feed_by_url("https://blog.example/feed")->id;
  for (const std::string day : {"10", "11", "12", "13", "14", "15"}) {
    const std::string published = "2024-02-" + day + "T00:00:00Z";
    store.upsert_feed_item(blog, item("bulk" + day, published.c_str(), "Bulk item"), kSeen);
  }
  ItemQuery newest_bulk;
  newest_bulk.search = "bulk";
  newest_bulk.limit = 2;
  CHECK(listed(store, newest_bulk) == Guids{"bulk15", "bulk14"});
  newest_bulk.limit = 20;
  CHECK(listed(store, newest_bulk).size() == 6);

  // An item's new text replaces its old words; a deleted item is no longer found.
  const auto news = store.find_feed_by_url("https://news.example/feed")->id;
  store.upsert_feed_item(news, item("n2", "2024-01-03T00:00:00Z", "Linker news", "mold and lld"), kSeen);
  CHECK(searched(store, "gcc").empty());
  CHECK(searched(store, "mold") == Guids{"n2"});
  pebble::domain::ItemRetention keep_one;
  keep_one.keep_newest = 1;
  store.prune_feed_items(news, keep_one, Timestamp{kSeen.micros + 1});
  CHECK(searched(store, "kernel") == Guids{"n3"});
}

TEST_CASE("mark_items sets and clears read_at and keeps the feeds' item counts", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  const TwoFeeds feeds = make_items(store);
  const auto counts = [&](std::int64_t feed) {
    const auto all = store.feed_item_counts(std::nullopt);
    const auto& entry = all.at(feed);
    CHECK(store.feed_item_counts(feed).at(feed).items == entry.items);
    return std::pair{entry.items, entry.unread};
  };
  CHECK(counts(feeds.news) == std::pair<std::int64_t, std::int64_t>{3, 3});
  CHECK(counts(feeds.blog) == std::pair<std::int64_t, std::int64_t>{1, 1});

  std::vector<std::int64_t> ids;
  store.for_each_item({}, [&](const ListedItem& listed) { ids.push_back(listed.id); });  // n3 n2 b1 n1
  const Timestamp read_at = at("2025-06-02T08:00:00Z");
  ItemSelection two;
  two.ids = {ids[1], ids[3], 999999};
  auto result = store.mark_items(two, read_at);
  CHECK(result.found_ids == std::vector<std::int64_t>{std::min(ids[1], ids[3]), std::max(ids[1], ids[3])});
  CHECK(result.changed == 2);
  CHECK(counts(feeds.news) == std::pair<std::int64_t, std::int64_t>{3, 1});
  CHECK(store.mark_items(two, at("2025-06-03T00:00:00Z")).changed == 0);  // already read: kept

  ItemQuery unread;
  unread.unread_only = true;
  CHECK(listed(store, unread) == Guids{"n3", "b1"});
  std::optional<Timestamp> stored_read_at;
  store.for_each_item({}, [&](const ListedItem& listed) {
    if (listed.guid == "n2") stored_read_at = listed.read_at;
  });
  CHECK(stored_read_at == read_at);

  ItemSelection blog;
  blog.feed_id = feeds.blog;
  CHECK(store.mark_items(blog, read_at).changed == 1);
  CHECK(counts(feeds.blog) == std::pair<std::int64_t, std::int64_t>{1, 0});
  ItemSelection all;
  all.all = true;
  CHECK(store.mark_items(all, std::nullopt).changed == 3);
  CHECK(listed(store, unread) == Guids{"n3", "n2", "b1", "n1"});
  CHECK(counts(feeds.news) == std::pair<std::int64_t, std::int64_t>{3, 3});
  CHECK(store.mark_items(ItemSelection{}, read_at).changed == 0);  // an empty selection marks nothing

  // Pruning and deleting items keep the counts; so does a read item going.
  CHECK(store.mark_items(all, read_at).changed == 4);
  pebble::domain::ItemRetention keep_one;
  keep_one.keep_newest = 1;
  CHECK(store.prune_feed_items(feeds.news, keep_one, Timestamp{kSeen.micros + 1}) == 2);
  CHECK(counts(feeds.news) == std::pair<std::int64_t, std::int64_t>{1, 0});
  store.upsert_feed_item(feeds.news, item("n4", "2024-02-01T00:00:00Z", "New"), kSeen);
  CHECK(counts(feeds.news) == std::pair<std::int64_t, std::int64_t>{2, 1});
}
