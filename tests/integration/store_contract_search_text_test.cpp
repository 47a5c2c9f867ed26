// The store contract for what the full-text index of feed items holds: the text a reader sees
// (store/reader_text.h). A word that occurs only inside markup (a tag or attribute name, a URL in
// an href, a reference's name) finds nothing; the words of the text do, on both backends, with
// PostgreSQL's SQL function and the C++ one SQLite calls agreeing on every input; and a store
// migrated from before the index held it is rebuilt from its rows.
#include <random>

#include <catch2/catch.hpp>

#include "store/reader_text.h"
#include "store_backends.h"

using pebble::domain::FeedItemInput;
using pebble::domain::TextType;
using pebble::store::ItemQuery;
using pebble::store::ListedItem;
using pebble::store::Store;
using pebble::test::at;

namespace {

using Guids = std::vector<std::string>;

Guids searched(Store& store, const std::string& text) {
  ItemQuery query;
  query.search = text;
  Guids guids;
  store.for_each_item(query, [&](const ListedItem& listed) { guids.push_back(listed.guid); });
  return guids;
}

// An item with a text title and HTML summary and content, as a poll stores a typical RSS item.
FeedItemInput html_item(const std::string& guid, std::string title, std::string summary,
                        std::string content) {
  FeedItemInput item;
  item.guid = guid;
  item.title = std::move(title);
  item.summary = std::move(summary);
  item.content = std::move(content);
  item.title_type = TextType::kText;
  item.summary_type = TextType::kHtml;
  item.content_type = TextType::kHtml;
  return item;
}

// Two items whose markup holds words their text does not.
std::int64_t store_marked_up_items(Store& store) {
  const auto feed = store.get_or_create_feed("https://news.example/feed").first.id;
  store.upsert_feed_item(
      feed,
      html_item(
          "h1", "Tags like <b> stay text", "<b>bold</b>er <em>claims</em>",
          "<p>Read the <a href=\"https://lwn.net/Articles/1/\" class=\"external\">release notes</a>&nbsp;"
          "now.</p><p>Second&amp;third &lt;tag&gt; caf&#233; &#x1F600;</p>"),
      at("2025-06-01T12:00:00Z"));
  store.upsert_feed_item(feed, html_item("h2", "Lists", "", "<ul><li>one</li><li>two</li></ul>"),
                         at("2025-06-01T12:00:00Z"));
  return feed;
}

// `bytes` as lower-case hex, how psql hands back text that may hold any character.
std::string hex_of(const std::string& bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (const char byte : bytes) {
    hex += kHex[static_cast<unsigned char>(byte) >> 4];
    hex += kHex[static_cast<unsigned char>(byte) & 0x0F];
  }
  return hex;
}

// Markup-like strings that probe every rule of reader_text.h: hand-picked edges, then random
// sequences of the pieces those rules look at.
std::vector<std::string> reader_text_probes() {
  std::vector<std::string> probes = {
      "",
      "plain text",
      "<p>a</p><p>b</p>",
      "<b>bold</b>er",
      "<B>X</B>y <SPAN class=\"k\">z</SPAN>w",
      "<abbr title=\"x\">A</abbr>b <a>c</a>d <br>e<wbr>f <b-x>g</b-x>h",
      "<<b>p>",
      "a < b > c & d",
      "x<y",
      "<!-- comment --> <?pi?> <!DOCTYPE x>",
      "&amp;&lt;&gt;&quot;&apos;&nbsp;&eacute;&AMP;&a;&#;&#x;&#12345678;",
      "&#0; &#55296; &#xD800; &#x10FFFF; &#1114112; &#9999999; &#160; &#xA0; &#65; &#x41; &#X42;",
      "&amp;amp; &&amp; &#38;#38; &abcdefghijklmnopqrstuvwxyz0123456; &abcdefghijklmnopqrstuvwxyz01234;",
      "caf\xC3\xA9\xC2\xA0na\xC3\xAFve \xE2\x80\x99 \xF0\x9F\x98\x80",
      "<a\thref=x>t</a\n><img src=\"/i.png\" alt=\"no\">tail",
  };
  static const char* const kPieces[] = {
      "<",        ">",        "</",     "/",   "&",  "#",     "x",    "X",    ";",      "!",   "?",  " ",
      "\t",       "\n",       "a",      "b",   "B",  "p",     "span", "br",   "abbr",   "wbr", "em", "amp",
      "lt",       "nbsp",     "eacute", "0",   "9",  "60",    "x41",  "D800", "110000", "\"",  "'",  "=",
      "\xC3\xA9", "\xC2\xA0", "<!--",   "-->", "&#", "&amp;", "<b>",  "</b>", "<p>"};
  std::mt19937 random(20250601);
  std::uniform_int_distribution<std::size_t> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> length(1, 14);
  for (int probe = 0; probe < 600; ++probe) {
    std::string text;
    for (int count = length(random); count > 0; --count) text += kPieces[piece(random)];
    probes.push_back(text);
  }
  return probes;
}

}  // namespace

TEST_CASE("the search index holds the text a reader sees, not the markup around it", "[store]") {
  const std::string backend = PEBBLE_STORE_BACKEND();
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  Store& store = *opened.store;
  const auto feed = store_marked_up_items(store);

  // Tag and attribute names, attribute values and reference names are markup.
  for (const char* markup_only : {"p", "a", "href", "https", "lwn", "articles", "class", "external", "em",
                                  "nbsp", "amp", "lt", "gt", "233", "x1f600", "ul", "li"}) {
    INFO(markup_only);
    CHECK(searched(store, markup_only).empty());
  }
  // The text: words of every HTML value, references decoded, block tags between words.
  CHECK(searched(store, "release notes") == Guids{"h1"});
  CHECK(searched(store, "notes now") == Guids{"h1"});  // &nbsp; is a space
  CHECK(searched(store, "second") == Guids{"h1"});
  CHECK(searched(store, "third tag") == Guids{"h1"});  // &amp; and &lt; are punctuation
  CHECK(searched(store, "café") == Guids{"h1"});
  CHECK(searched(store, "bolder claims") == Guids{"h1"});  // an inline tag does not split a word
  CHECK(searched(store, "bold").empty());
  CHECK(searched(store, "one two") == Guids{"h2"});  // a block tag does
  CHECK(searched(store, "onetwo").empty());
  // A text value is what a reader sees as it is, angle brackets and all.
  CHECK(searched(store, "b stay") == Guids{"h1"});

  // The index follows the types: the same content as text holds its tag names as words.
  FeedItemInput as_text = html_item("h2", "Lists", "", "<ul><li>one</li><li>two</li></ul>");
  as_text.content_type = TextType::kText;
  store.upsert_feed_item(feed, as_text, at("2025-06-02T12:00:00Z"));
  CHECK(searched(store, "li") == Guids{"h2"});
  as_text.content_type = TextType::kHtml;
  store.upsert_feed_item(feed, as_text, at("2025-06-03T12:00:00Z"));
  CHECK(searched(store, "li").empty());
}

TEST_CASE("PostgreSQL's pebble_reader_text gives the text SQLite's (reader_text.h) gives", "[store]") {
  auto opened = pebble::test::open_fresh_store("postgresql");
  const std::vector<std::string> probes = reader_text_probes();
  std::string sql =
      "SELECT n, encode(convert_to(pebble_reader_text(v, 'html'), 'UTF8'), 'hex') FROM (VALUES ";
  for (std::size_t index = 0; index < probes.size(); ++index) {
    if (index > 0) sql += ", ";
    sql += "(" + std::to_string(index) + ", $probe$" + probes[index] + "$probe$)";
  }
  sql += ") AS probes (n, v) ORDER BY n";
  const std::vector<std::string> rows = pebble::test::query_rows("postgresql", opened.url, sql);
  REQUIRE(rows.size() == probes.size());
  for (std::size_t index = 0; index < probes.size(); ++index) {
    INFO("probe " << index << ": " << probes[index]);
    CHECK(rows[index] ==
          std::to_string(index) + "|" + hex_of(pebble::store::reader_text(probes[index], "html")));
  }
  CHECK(pebble::test::query_rows("postgresql", opened.url,
                                 "SELECT pebble_reader_text('<b>x</b> &amp;', 'text') IS NOT DISTINCT FROM "
                                 "'<b>x</b> &amp;', pebble_reader_text(NULL, 'html') IS NULL") ==
        std::vector<std::string>{"t|t"});
}

TEST_CASE("a store whose search index held markup is rebuilt from its rows by the migration", "[store]") {
  const std::string backend = GENERATE(as<std::string>{}, "sqlite-file", "postgresql");
  INFO("backend " << backend);
  auto opened = pebble::test::open_fresh_store(backend);
  store_marked_up_items(*opened.store);
  opened.store.reset();
  // Back to the index before the migration (SQLite 5, PostgreSQL 3): the values as stored.
  const bool sqlite = backend == "sqlite-file";
  pebble::test::query_rows(
      backend, opened.url,
      sqlite ? "DROP TRIGGER feed_items_search_insert; DROP TRIGGER feed_items_search_delete; "
               "DROP TRIGGER feed_items_search_update; DROP TABLE feed_items_search; "
               "DROP VIEW feed_items_reader_text; ALTER TABLE feed_items DROP COLUMN source_fingerprint; "
               "CREATE VIRTUAL TABLE feed_items_search USING fts5(title, summary, content, "
               "content = 'feed_items', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 0'); "
               "INSERT INTO feed_items_search (feed_items_search) VALUES ('rebuild'); "
               "DELETE FROM schema_migrations WHERE version = 7"
             : "DROP INDEX feed_items_search_idx; "
               "CREATE INDEX feed_items_search_idx ON feed_items USING gin "
               "(pebble_search_document(title, summary, content)); "
               "DROP FUNCTION pebble_reader_text(text, text); DROP FUNCTION pebble_html_text(text); "
               "DROP FUNCTION pebble_reference_text(text); DROP FUNCTION pebble_code_point_text(integer); "
               "ALTER TABLE feed_items DROP COLUMN source_fingerprint; "
               "DELETE FROM schema_migrations WHERE version = 5");
  // That index finds an item by the URL in its markup.
  CHECK(pebble::test::query_rows(
            backend, opened.url,
            sqlite
                ? "SELECT count(*) FROM feed_items_search WHERE feed_items_search MATCH 'href'"
                : "SELECT count(*) FROM feed_items "
                  "WHERE pebble_search_document(title, summary, content) @@ to_tsquery('simple', 'href')") ==
        std::vector<std::string>{"1"});

  const auto reopened = pebble::store::open_store(opened.url);
  CHECK(searched(*reopened, "href").empty());
  CHECK(searched(*reopened, "lwn").empty());
  CHECK(searched(*reopened, "release notes") == Guids{"h1"});
  CHECK(searched(*reopened, "one two") == Guids{"h2"});
  CHECK(pebble::test::query_rows(
            backend, opened.url,
            "SELECT name FROM schema_migrations WHERE version = " + std::string(sqlite ? "7" : "5")) ==
        std::vector<std::string>{"item source fingerprints and reader text search"});
}
