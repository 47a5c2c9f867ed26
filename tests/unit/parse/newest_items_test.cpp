// The item cap of poll-feeds --max-items: a feed of 320 000 tiny items used to store 320 000
// rows per poll and hold every parsed item in memory.
#include "parse/newest_items.h"

#include <string>

#include <catch2/catch.hpp>

#include "parse/parse_feed.h"

namespace {

using pebble::parse::ParsedFeed;
using pebble::parse::ParsedItem;

ParsedItem item(const std::string& guid, std::optional<std::int64_t> published_seconds) {
  ParsedItem parsed;
  parsed.guid = guid;
  if (published_seconds) parsed.published = pebble::support::Timestamp::from_seconds(*published_seconds);
  return parsed;
}

std::string guids(const ParsedFeed& feed) {
  std::string out;
  for (const ParsedItem& parsed : feed.items) out += (out.empty() ? "" : " ") + parsed.guid;
  return out;
}

}  // namespace

TEST_CASE("feed of 320000 tiny items: the newest max_items are kept, in document order") {
  ParsedFeed feed;
  feed.max_items = 3;
  // Dated out of order, two undated (they rank after every dated item, first one first), and
  // two items with the same date (the earlier in the document wins).
  for (const ParsedItem& parsed : {item("a", 50), item("u1", std::nullopt), item("b", 90), item("c", 10),
                                   item("d", 70), item("u2", std::nullopt), item("e", 70), item("f", 20)}) {
    pebble::parse::append_item(feed, parsed);
    CHECK(feed.items.size() < 2 * feed.max_items);  // never more than twice the cap in memory
  }
  pebble::parse::keep_newest_items(feed);
  CHECK(guids(feed) == "b d e");
  CHECK(feed.items_dropped == 5);
}

TEST_CASE("feed of 320000 tiny items: undated items fill the cap in document order") {
  ParsedFeed feed;
  feed.max_items = 2;
  for (const char* guid : {"x", "y", "z", "w", "v"})
    pebble::parse::append_item(feed, item(guid, std::nullopt));
  pebble::parse::keep_newest_items(feed);
  CHECK(guids(feed) == "x y");
  CHECK(feed.items_dropped == 3);
}

TEST_CASE("feed of 320000 tiny items: parse_feed keeps the newest max_items of RSS, Atom and JSON Feed") {
  std::string rss = "<rss version=\"2.0\"><channel><title>t</title>";
  std::string atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>";
  std::string json = R"({"version":"https://jsonfeed.org/version/1.1","title":"t","items":[)";
  for (int i = 0; i < 5000; ++i) {
    const std::string n = std::to_string(i);
    const std::string second = (i % 60 < 10 ? "0" : "") + std::to_string(i % 60);
    const std::string minute = (i / 60 % 60 < 10 ? "0" : "") + std::to_string(i / 60 % 60);
    const std::string hour = (i / 3600 < 10 ? "0" : "") + std::to_string(i / 3600);
    const std::string iso = "2024-01-01T" + hour + ":" + minute + ":" + second + "Z";
    rss += "<item><guid>i" + n + "</guid><dc:date xmlns:dc=\"http://purl.org/dc/elements/1.1/\">" + iso +
           "</dc:date></item>";
    atom += "<entry><id>i" + n + "</id><updated>" + iso + "</updated></entry>";
    json += std::string(i == 0 ? "" : ",") + R"({"id":"i)" + n + R"(","date_published":")" + iso + "\"}";
  }
  rss += "</channel></rss>";
  atom += "</feed>";
  json += "]}";
  for (const std::string& body : {rss, atom, json}) {
    const ParsedFeed feed = pebble::parse::parse_feed(body, "https://example.org/feed", "", 1000);
    REQUIRE(feed.items.size() == 1000);
    CHECK(feed.items.front().guid == "i4000");
    CHECK(feed.items.back().guid == "i4999");
    CHECK(feed.items_dropped == 4000);
  }
  CHECK(pebble::parse::parse_feed(rss, "https://example.org/feed", "").items.size() == 5000);
}
