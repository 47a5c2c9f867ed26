// parse_feed on hand-written fixtures of each format (tests/data/feeds/).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "parse/parse_feed.h"
#include "support/test_env.h"

using pebble::parse::Enclosure;
using pebble::parse::FeedKind;
using pebble::parse::ParsedFeed;
using pebble::parse::Person;

namespace {

ParsedFeed parse_fixture(const std::string& name, const std::string& feed_url,
                         const std::string& content_type = "") {
  return pebble::parse::parse_feed(pebble::test::read_file(pebble::test::test_data_dir() + "/feeds/" + name),
                                   feed_url, content_type);
}

std::string rfc3339(const std::optional<pebble::support::Timestamp>& value) {
  return value ? pebble::support::format_rfc3339(*value) : "null";
}

}  // namespace

TEST_CASE("RSS 2.0 resolves namespaces by URI, HTML entities and relative links", "[feedparse]") {
  const ParsedFeed feed = parse_fixture("rss20_namespaces.xml", "https://example.org/feeds/main.xml");
  CHECK(feed.kind == FeedKind::kRss);
  CHECK(feed.title == "Caf\u00e9 & Friends\u00a0Blog");
  CHECK(feed.link == "https://example.org/blog/");
  CHECK(feed.description == "News\u2026 \u00a9 2024 &unknownentity; AT&T");
  CHECK(feed.ttl_minutes == 90);
  REQUIRE(feed.items.size() == 3);

  const auto& first = feed.items[0];
  CHECK(first.title == "First \u201cpost\u201d");
  CHECK(first.link == "https://example.org/feeds/posts/1.html");
  CHECK(first.guid == "urn:post:1");
  CHECK(first.summary == "<p>Summary with &nbsp; kept literally in CDATA</p>");
  CHECK(first.content == "<p>Full <b>content</b></p>");  // c:encoded, not the decoy content:encoded
  CHECK(first.author == "Jane Doe");
  CHECK(rfc3339(first.published) == "2003-06-10T04:00:00Z");
  CHECK(first.categories == std::vector<std::string>{"news", "tech"});
  CHECK(first.enclosures ==
        std::vector<Enclosure>{{"https://example.org/media/one.mp3", "audio/mpeg", 12345}});
  CHECK(first.media ==
        std::vector<Enclosure>{{"https://cdn.example.org/one.jpg", "image/jpeg", 999},
                               {"https://example.org/feeds/thumbs/one.png", "image", std::nullopt}});

  const auto& second = feed.items[1];
  CHECK(second.link == "https://example.org/posts/2");
  CHECK(second.guid == "https://example.org/posts/2");  // no guid: the link identifies it
  CHECK(rfc3339(second.published) == "2003-06-11T07:30:00Z");
  CHECK(second.authors == std::vector<Person>{{"The Editor", "editor@example.org", ""}});
  CHECK(second.author == "The Editor");

  const auto& third = feed.items[2];
  CHECK_FALSE(third.link);
  CHECK(third.guid.size() == 64);  // sha256 of title+date+content
  CHECK(rfc3339(third.published) == "2003-06-11T09:00:00Z");
  // The hash is stable: parsing again yields the same identity.
  CHECK(parse_fixture("rss20_namespaces.xml", "https://example.org/feeds/main.xml").items[2].guid ==
        third.guid);
}

TEST_CASE("RSS 0.91 with a DTD reference and an ISO-8859-1 declaration", "[feedparse]") {
  const ParsedFeed feed = parse_fixture("rss091.xml", "http://example.com/rss");
  CHECK(feed.kind == FeedKind::kRss);
  CHECK(feed.title == "RSS 0.91 Channel");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].title == "Old item \u00e9");
  CHECK(feed.items[0].guid == "http://example.com/old");
}

TEST_CASE("RSS 1.0 (RDF) and RSS 0.90 put items beside the channel", "[feedparse]") {
  const ParsedFeed rdf = parse_fixture("rdf10.xml", "http://example.org/rdf");
  CHECK(rdf.kind == FeedKind::kRdf);
  CHECK(rdf.title == "RDF Channel");
  CHECK(rdf.description == "RSS 1.0 feed");
  REQUIRE(rdf.items.size() == 2);
  CHECK(rdf.items[0].guid == "http://example.org/a");
  CHECK(rdf.items[0].summary == "About A");
  CHECK(rfc3339(rdf.items[0].published) == "2004-02-03T00:00:00Z");
  CHECK(rdf.items[0].author == "Alice");
  CHECK(rdf.items[0].categories == std::vector<std::string>{"semantic"});

  const ParsedFeed old = parse_fixture("rss090.xml", "");
  CHECK(old.kind == FeedKind::kRdf);
  CHECK(old.link == "http://www.mozilla.org");
  REQUIRE(old.items.size() == 1);
  CHECK(old.items[0].link == "http://www.mozilla.org/status/");
}

TEST_CASE("Atom 1.0 honours nested xml:base, text constructs and feed authors", "[feedparse]") {
  const ParsedFeed feed = parse_fixture("atom10_xml_base.xml", "https://feeds.example.net/x");
  CHECK(feed.kind == FeedKind::kAtom);
  CHECK(feed.title == "Atom & Base");
  CHECK(feed.description == "<b>bold</b> subtitle");
  CHECK(feed.link == "https://example.org/blog/");
  REQUIRE(feed.items.size() == 2);
  const auto& one = feed.items[0];
  CHECK(one.guid == "tag:example.org,2005:1");
  CHECK(one.link == "https://example.org/blog/2005/07/entry-one.html");
  CHECK(one.enclosures ==
        std::vector<Enclosure>{{"https://example.org/blog/audio/one.mp3", "audio/mpeg", 1337}});
  CHECK(one.content == "<p>Hello <em>world</em></p>");
  CHECK(one.summary == "Short summary");
  CHECK(rfc3339(one.published) == "2003-12-13T12:29:29Z");
  CHECK(rfc3339(one.updated) == "2005-07-31T12:29:29Z");
  CHECK(one.author == "Feed Author");  // inherited from the feed (RFC 4287 §4.2.1)
  CHECK(one.categories == std::vector<std::string>{"atom", "xml"});  // terms; labels beside them
  CHECK(one.category_labels == std::map<std::string, std::string>{{"atom", "Atom Things"}});
  const auto& two = feed.items[1];
  CHECK(two.title == "Entry <two>");
  CHECK(two.content == "<p>Escaped &amp; HTML</p>");
  CHECK(two.author == "Entry Author");
  CHECK(two.updated->micros == pebble::support::parse_iso8601("2005-08-01T00:00:00.25Z")->micros);
  CHECK(two.published == two.updated);  // no published date: the update stands in
}

TEST_CASE("Atom 0.3 reads issued, modified, tagline and escaped content", "[feedparse]") {
  const ParsedFeed feed = parse_fixture("atom03.xml", "");
  CHECK(feed.kind == FeedKind::kAtom);
  CHECK(feed.description == "Old Atom");
  CHECK(feed.link == "http://example.org/");
  REQUIRE(feed.items.size() == 1);
  CHECK(rfc3339(feed.items[0].published) == "2003-12-13T12:29:29Z");
  CHECK(rfc3339(feed.items[0].updated) == "2003-12-13T18:30:02Z");
  CHECK(feed.items[0].content == "<p>escaped</p>");
  CHECK(feed.items[0].author == "Mark");
}

TEST_CASE("JSON Feed 1.1 and 1.0 fields, relative URLs and numeric ids", "[feedparse]") {
  const ParsedFeed feed =
      parse_fixture("jsonfeed11.json", "https://example.org/feed.json", "application/feed+json");
  CHECK(feed.kind == FeedKind::kJson);
  CHECK(feed.title == "JSON Feed");
  CHECK(feed.link == "https://example.org/");
  REQUIRE(feed.items.size() == 2);
  const auto& first = feed.items[0];
  CHECK(first.guid == "42");
  CHECK(first.link == "https://example.org/items/42");
  CHECK(first.content == "<p>html</p>");
  CHECK(first.summary == "sum");
  CHECK(rfc3339(first.published) == "2020-01-02T02:04:05Z");
  CHECK(rfc3339(first.updated) == "2020-01-03T00:00:00Z");
  CHECK(first.author == "Feed Person");
  CHECK(first.categories == std::vector<std::string>{"a", "b"});
  CHECK(first.enclosures == std::vector<Enclosure>{{"https://example.org/files/x.mp3", "audio/mpeg", 2048}});
  CHECK(feed.items[1].link == "https://elsewhere.example/");
  CHECK(feed.items[1].content == "only text");
  CHECK(feed.items[1].author == "Old Style");
}

TEST_CASE("item_extra_json and to_feed_item_input carry what the store keeps", "[feedparse]") {
  const ParsedFeed feed = parse_fixture("rss20_namespaces.xml", "https://example.org/feeds/main.xml");
  const pebble::domain::FeedItemInput input = pebble::parse::to_feed_item_input(feed.items[0]);
  CHECK(input.guid == "urn:post:1");
  CHECK(input.link == feed.items[0].link);
  CHECK(input.published_at == feed.items[0].published);
  CHECK(input.author == "Jane Doe");
  const auto extra = nlohmann::json::parse(input.extra_json);
  CHECK(extra["categories"] == nlohmann::json({"news", "tech"}));
  CHECK(extra["enclosures"][0] ==
        nlohmann::json(
            {{"url", "https://example.org/media/one.mp3"}, {"type", "audio/mpeg"}, {"length", 12345}}));
  CHECK(extra["authors"] == nlohmann::json::parse(R"([{"name":"Jane Doe"}])"));
  CHECK(extra["media"].size() == 2);
  const auto no_length = nlohmann::json::parse(pebble::parse::item_extra_json(feed.items[1]));
  CHECK(no_length["enclosures"].empty());
}
