// Format sniffing from the first bytes, and read_bookmarks choosing the reader by content.
#include <catch2/catch.hpp>

#include "formats/bookmark_readers.h"
#include "unit/formats/collecting_sink.h"

namespace pebble {

TEST_CASE("detect_format recognises each format by content", "[formats]") {
  CHECK(formats::detect_format("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL>") ==
        formats::BookmarkFormat::kNetscape);
  CHECK(formats::detect_format("\xEF\xBB\xBF  <!doctype netscape-bookmark-file-1>") ==
        formats::BookmarkFormat::kNetscape);
  CHECK(formats::detect_format("<META HTTP-EQUIV=\"Content-Type\">\n<TITLE>B</TITLE>\n<DL><p>") ==
        formats::BookmarkFormat::kNetscape);
  CHECK(formats::detect_format("<H1>Bookmarks</H1><DT><A HREF=\"x\">") == formats::BookmarkFormat::kNetscape);
  CHECK(formats::detect_format("<?xml version=\"1.0\"?>\n<!-- c -->\n<opml version=\"2.0\">") ==
        formats::BookmarkFormat::kOpml);
  CHECK(formats::detect_format("\n<OPML>") == formats::BookmarkFormat::kOpml);
  CHECK(formats::detect_format("{\"@context\": \"https://www.w3.org/ns/activitystreams\"") ==
        formats::BookmarkFormat::kActivityStreams);
  CHECK(formats::detect_format("  {\n \"items\": [") == formats::BookmarkFormat::kActivityStreams);
  CHECK(formats::detect_format("[{\"href\":\"https://x\",\"description\":\"d\"}]") ==
        formats::BookmarkFormat::kPinboard);
  CHECK(formats::detect_format("[ \n {\"HREF\": 1}") == formats::BookmarkFormat::kPinboard);
  CHECK(formats::detect_format("") == formats::BookmarkFormat::kUnknown);
  CHECK(formats::detect_format("hello") == formats::BookmarkFormat::kUnknown);
  CHECK(formats::detect_format("[1, 2, 3]") == formats::BookmarkFormat::kUnknown);
  CHECK(formats::detect_format("{\"name\": 1}") == formats::BookmarkFormat::kUnknown);
  CHECK(formats::detect_format("<?xml version=\"1.0\"?><rss>") == formats::BookmarkFormat::kUnknown);
  CHECK(formats::detect_format("<html><body>page</body></html>") == formats::BookmarkFormat::kUnknown);
  CHECK(formats::format_name(formats::BookmarkFormat::kActivityStreams) == "activitystreams");
}

TEST_CASE("read_bookmarks sniffs the format of a stream and reads all of it", "[formats]") {
  std::string netscape = "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n";
  for (int i = 0; i < 300; ++i) {  // longer than the sniffed prefix
    netscape +=
        "<DT><A HREF=\"https://example.com/" + std::to_string(i) + "\">Item " + std::to_string(i) + "</A>\n";
  }
  std::istringstream in(netscape);
  test::CollectingSink sink;
  formats::read_bookmarks(in, formats::BookmarkFormat::kUnknown, {}, sink);
  REQUIRE(sink.bookmarks.size() == 300);
  CHECK(sink.bookmarks[299].bookmark.title == "Item 299");

  std::istringstream pinboard(R"([{"href": "https://p.example/", "description": "P"}])");
  test::CollectingSink pinboard_sink;
  formats::read_bookmarks(pinboard, formats::BookmarkFormat::kUnknown, {}, pinboard_sink);
  CHECK(pinboard_sink.bookmarks.size() == 1);

  std::istringstream junk(std::string("\x00\x01binary junk", 13));
  test::CollectingSink junk_sink;
  CHECK_THROWS_WITH(
      formats::read_bookmarks(junk, formats::BookmarkFormat::kUnknown, {}, junk_sink),
      "line 1, byte 0: not a bookmark file: expected <!DOCTYPE NETSCAPE-Bookmark-file-1>, <opml> or JSON");
}

}  // namespace pebble
