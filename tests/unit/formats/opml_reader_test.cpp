// The OPML reader: the listparser corpus, a fixture with every attribute, malformed documents.
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "formats/bookmark_readers.h"
#include "support/test_env.h"
#include "unit/formats/collecting_sink.h"

namespace pebble {
namespace {

using Tags = std::vector<std::string>;

test::CollectingSink read(const std::string& text, formats::ReaderOptions options = {}) {
  return test::read_text(formats::read_opml, text, options);
}

}  // namespace

TEST_CASE("every OPML corpus file reads without crashing", "[formats]") {
  const std::string folder = test::shared_dir() + "/corpora/opml-listparser/tests/files";
  if (!std::filesystem::exists(folder)) test::skip_test("corpus missing: " + folder);
  int files = 0;
  int with_feeds = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    ++files;
    INFO(entry.path().string());
    std::ifstream in(entry.path(), std::ios::binary);
    test::CollectingSink sink;
    try {
      formats::read_opml(in, {}, sink);
    } catch (const formats::FormatError& error) {
      CHECK_THAT(std::string(error.what()), Catch::StartsWith("line "));
    }
    if (!sink.bookmarks.empty()) ++with_feeds;
  }
  CHECK(files >= 60);
  CHECK(with_feeds >= 30);
}

TEST_CASE("OPML corpus: categories, folders and case-insensitive attributes", "[formats]") {
  const std::string folder = test::shared_dir() + "/corpora/opml-listparser/tests/files/opml/";
  if (!std::filesystem::exists(folder)) test::skip_test("corpus missing: " + folder);
  const auto read_file = [&](const std::string& name, formats::ReaderOptions options = {}) {
    return read(test::read_file(folder + name), options);
  };
  auto sink = read_file("categories/cats-2-single_hierarchy.xml");
  REQUIRE(sink.bookmarks.size() == 1);
  CHECK(sink.bookmarks[0].bookmark.tags == Tags{"root/parent/child"});
  CHECK(sink.bookmarks[0].bookmark.url == "http://domain/feed");
  CHECK(sink.bookmarks[0].bookmark.feed_url == "http://domain/feed");
  CHECK(sink.bookmarks[0].bookmark.title == "feedname");

  sink = read_file("categories/tags-3-cats_mixed.xml");
  REQUIRE(sink.bookmarks.size() == 1);
  CHECK(sink.bookmarks[0].bookmark.tags == Tags{"news", "sports", "news/sports"});

  formats::ReaderOptions options;
  options.folder_tags = true;
  sink = read_file("categories/hier-2-nested.xml", options);
  REQUIRE(sink.bookmarks.size() == 1);
  CHECK(sink.bookmarks[0].folder_path == Tags{"grouping1", "grouping2"});
  CHECK(sink.bookmarks[0].bookmark.tags == Tags{"grouping1", "grouping2"});

  sink = read_file("outline_xmlUrl-miscapitalized.xml");
  CHECK(sink.bookmarks.size() == 1);
  sink = read_file("outline_type-link.xml");
  REQUIRE(sink.bookmarks.size() == 1);
  CHECK(sink.bookmarks[0].bookmark.feed_url == "http://domain.com/feed");
}

TEST_CASE("OPML fixture: every outline attribute", "[formats]") {
  const auto sink = read(test::read_file(test::test_data_dir() + "/formats/opml_features.opml"));
  REQUIRE(sink.bookmarks.size() == 3);
  const formats::ParsedBookmark& feed = sink.bookmarks[0];
  CHECK(feed.bookmark.url == "https://site.example/");
  CHECK(feed.bookmark.feed_url == "https://feeds.example/rss");
  CHECK(feed.bookmark.title == "Feed & title");
  CHECK(feed.bookmark.tags == Tags{"news", "tech/linux", "a,b"});
  CHECK(feed.bookmark.description == "Line one\nLine two");
  CHECK(feed.bookmark.created_at == support::Timestamp::from_seconds(1704110400));
  CHECK(feed.folder_path == Tags{"Tech"});
  CHECK(feed.bookmark.tags.size() == 3);  // folders are not tags unless asked

  CHECK(sink.bookmarks[1].bookmark.url == "https://only.example/atom.xml");
  CHECK(sink.bookmarks[1].bookmark.title == "Only xml");
  CHECK(sink.bookmarks[1].bookmark.created_at == support::Timestamp::from_seconds(1706933106));

  const domain::BookmarkInput& plain = sink.bookmarks[2].bookmark;
  CHECK(plain.url == "https://plain.example/page");
  CHECK_FALSE(plain.feed_url.has_value());
  CHECK(plain.is_private);
  CHECK(plain.to_read);
  CHECK(sink.bookmarks[2].index == 2);

  REQUIRE(sink.failures.size() == 1);
  CHECK(sink.failures[0].index == 3);
  CHECK(sink.failures[0].title == "Broken link");
  CHECK(sink.failures[0].error == "line 12: outline of type link without url");
}

TEST_CASE("OPML: malformed, truncated and foreign documents are root errors", "[formats]") {
  const std::string text = test::read_file(test::test_data_dir() + "/formats/opml_features.opml");
  test::CollectingSink sink;
  std::istringstream truncated(text.substr(0, text.size() / 2));
  CHECK_THROWS_WITH(formats::read_opml(truncated, {}, sink),
                    Catch::StartsWith("line ") && Catch::Contains("not a valid OPML file"));
  CHECK(sink.bookmarks.empty());
  CHECK_THROWS_WITH(read("<?xml version=\"1.0\"?>\n<rss><channel/></rss>"),
                    "line 2, byte 22: not an OPML file: the root element is not <opml>");
  CHECK_THROWS_WITH(read("<opml version=\"2.0\"><head/></opml>"),
                    "line 1, byte 0: not an OPML file: no <body>");
  CHECK_THROWS_WITH(read(""), "line 1, byte 0: not a valid OPML file: empty input");
  const auto repaired =
      read("<opml><body><outline text=\"bad \xFF\" xmlUrl=\"https://x.example/\"/></body></opml>");
  REQUIRE(repaired.bookmarks.size() == 1);
  CHECK(repaired.bookmarks[0].bookmark.title == "bad \xEF\xBF\xBD");
}

}  // namespace pebble
