// The store contract for the types of item texts (feed_items.title_type, summary_type,
// content_type): written and read back by both stores, and filled in for rows stored before the
// columns existed (SQLite migration 4, PostgreSQL migration 2).
#include <catch2/catch.hpp>

#include "store_backends.h"

using pebble::domain::FeedItem;
using pebble::domain::FeedItemInput;
using pebble::domain::TextType;
using pebble::test::at;

namespace {

// The item of `items` with this guid.
const FeedItem& item_with_guid(const std::vector<FeedItem>& items, const std::string& guid) {
  for (const FeedItem& item : items) {
    if (item.guid == guid) return item;
  }
  FAIL("no item " << guid);
  return items.front();
}

FeedItemInput typed_item(const std::string& guid, TextType title, TextType summary, TextType content,
                         const std::string& extra_json = "{}") {
  FeedItemInput item;
  item.guid = guid;
  item.title = "<b>" + guid + "</b>";
  item.summary = "summary";
  item.content = "content";
  item.title_type = title;
  item.summary_type = summary;
  item.content_type = content;
  item.extra_json = extra_json;
  return item;
}

}  // namespace

TEST_CASE("item text types are stored, refreshed and read back", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  auto& store = *opened.store;
  const auto feed_id = store.get_or_create_feed("https://example.com/feed").first.id;
  store.upsert_feed_item(feed_id, typed_item("a", TextType::kHtml, TextType::kText, TextType::kText),
                         at("2025-01-01T00:00:00Z"));
  FeedItemInput untyped;
  untyped.guid = "defaults";
  store.upsert_feed_item(feed_id, untyped, at("2025-01-01T00:00:00Z"));
  auto items = store.list_feed_items(feed_id);
  REQUIRE(items.size() == 2);
  CHECK(item_with_guid(items, "a").title_type == TextType::kHtml);
  CHECK(item_with_guid(items, "a").summary_type == TextType::kText);
  CHECK(item_with_guid(items, "a").content_type == TextType::kText);
  // An input that says nothing has RSS's meaning: a text title, HTML summary and content.
  CHECK(item_with_guid(items, "defaults").title_type == TextType::kText);
  CHECK(item_with_guid(items, "defaults").summary_type == TextType::kHtml);
  CHECK(item_with_guid(items, "defaults").content_type == TextType::kHtml);

  store.upsert_feed_item(feed_id, typed_item("a", TextType::kText, TextType::kHtml, TextType::kHtml),
                         at("2025-01-02T00:00:00Z"));
  items = store.list_feed_items(feed_id);
  CHECK(item_with_guid(items, "a").title_type == TextType::kText);
  CHECK(item_with_guid(items, "a").summary_type == TextType::kHtml);
  CHECK(item_with_guid(items, "a").content_type == TextType::kHtml);
  if (pebble::test::is_shared_database(backend)) {
    CHECK(pebble::test::query_rows(backend, opened.url,
                                   "SELECT guid, title_type, summary_type, content_type FROM feed_items "
                                   "ORDER BY guid") ==
          std::vector<std::string>{"a|text|html|html", "defaults|text|html|html"});
  }
}

TEST_CASE("rows stored before the type columns existed get their types from extra, else defaults",
          "[store]") {
  const std::string backend = GENERATE(as<std::string>{}, "sqlite-file", "postgresql");
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  const auto feed_id = opened.store->get_or_create_feed("https://example.com/feed").first.id;
  // The earlier poller kept the types in extra; rows from before it have none, and a value that is
  // not a type must not stop the migration.
  opened.store->upsert_feed_item(
      feed_id,
      typed_item("typed", TextType::kText, TextType::kHtml, TextType::kHtml,
                 R"({"categories":[],"title_type":"html","summary_type":"text","content_type":"text"})"),
      at("2025-01-01T00:00:00Z"));
  opened.store->upsert_feed_item(feed_id,
                                 typed_item("untyped", TextType::kHtml, TextType::kText, TextType::kText),
                                 at("2025-01-01T00:00:00Z"));
  opened.store->upsert_feed_item(
      feed_id,
      typed_item("odd", TextType::kHtml, TextType::kText, TextType::kText, R"({"title_type":"markdown"})"),
      at("2025-01-01T00:00:00Z"));
  opened.store.reset();
  // Back to the schema before the migration: the columns and its record gone, and with them the
  // later migration whose search index reads them (SQLite 7, PostgreSQL 5: its index goes with
  // the columns there).
  const bool sqlite = backend == "sqlite-file";
  pebble::test::query_rows(
      backend, opened.url,
      sqlite ? "DROP VIEW feed_items_reader_text; DROP TABLE feed_items_search; "
               "DROP TRIGGER feed_items_search_insert; DROP TRIGGER feed_items_search_delete; "
               "DROP TRIGGER feed_items_search_update; "
               "ALTER TABLE feed_items DROP COLUMN source_fingerprint; "
               "ALTER TABLE feed_items DROP COLUMN title_type; "
               "ALTER TABLE feed_items DROP COLUMN summary_type; "
               "ALTER TABLE feed_items DROP COLUMN content_type; "
               "DELETE FROM schema_migrations WHERE version IN (4, 7)"
             : "ALTER TABLE feed_items DROP COLUMN title_type, DROP COLUMN summary_type, "
               "DROP COLUMN content_type, DROP COLUMN source_fingerprint; "
               "DELETE FROM schema_migrations WHERE version IN (2, 5)");

  const auto reopened = pebble::store::open_store(opened.url);
  const auto items = reopened->list_feed_items(feed_id);
  REQUIRE(items.size() == 3);
  CHECK(item_with_guid(items, "typed").title_type == TextType::kHtml);
  CHECK(item_with_guid(items, "typed").summary_type == TextType::kText);
  CHECK(item_with_guid(items, "typed").content_type == TextType::kText);
  for (const char* guid : {"untyped", "odd"}) {
    INFO(guid);
    CHECK(item_with_guid(items, guid).title_type == TextType::kText);
    CHECK(item_with_guid(items, guid).summary_type == TextType::kHtml);
    CHECK(item_with_guid(items, guid).content_type == TextType::kHtml);
  }
  CHECK(pebble::test::query_rows(
            backend, opened.url,
            "SELECT name FROM schema_migrations WHERE version = " + std::string(sqlite ? "4" : "2")) ==
        std::vector<std::string>{"feed item text types"});
}
