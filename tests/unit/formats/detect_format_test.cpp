// Format sniffing from the first bytes, and read_bookmarks choosing the reader by content.
#include <catch2/catch.hpp>

#include "formats/bookmark_readers.h"
#include "unit/formats/collecting_sink.h"

namespace pebble {

TEST_CASE("detect_format recognises each format by content", "[formats]") {
  CHECK(detect_format("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL>") == BookmarkFormat::kNetscape);
  CHECK(detect_format("\xEF\xBB\xBF  <!doctype netscape-bookmark-file-1>") == BookmarkFormat::kNetscape);
  CHECK(detect_format("<META HTTP-EQUIV=\"Content-Type\">\n<TITLE>B</TITLE>\n<DL><p>") ==
        BookmarkFormat::kNetscape);
  CHECK(detect_format("<H1>Bookmarks</H1><DT><A HREF=\"x\">") == BookmarkFormat::kNetscape);
  CHECK(detect_format("<?xml version=\"1.0\"?>\n<!-- c -->\n<opml version=\"2.0\">") ==
        BookmarkFormat::kOpml);
  CHECK(detect_format("\n<OPML>") == BookmarkFormat::kOpml);
  CHECK(detect_format("{\"@context\": \"https://www.w3.org/ns/activitystreams\"") ==
        BookmarkFormat::kActivityStreams);
  CHECK(detect_format("  {\n \"items\": [") == BookmarkFormat::kActivityStreams);
  CHECK(detect_format("[{\"href\":\"https://x\",\"description\":\"d\"}]") == BookmarkFormat::kPinboard);
  CHECK(detect_format("[ \n {\"HREF\": 1}") == BookmarkFormat::kPinboard);
  CHECK(detect_format("") == BookmarkFormat::kUnknown);
  CHECK(detect_format("hello") == BookmarkFormat::kUnknown);
  CHECK(detect_format("[1, 2, 3]") == BookmarkFormat::kUnknown);
  CHECK(detect_format("{\"name\": 1}") == BookmarkFormat::kUnknown);
  CHECK(detect_format("<?xml version=\"1.0\"?><rss>") == BookmarkFormat::kUnknown);
  CHECK(detect_format("<html><body>page</body></html>") == BookmarkFormat::kUnknown);
  CHECK(format_name(BookmarkFormat::kActivityStreams) == "activitystreams");
}

TEST_CASE("read_bookmarks sniffs the format of a stream and reads all of it", "[formats]") {
  std::string netscape = "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n";
  for (int i = 0; i < 300; ++i) {  // longer than the sniffed prefix
    netscape +=
        "<DT><A HREF=\"https://example.com/" + std::to_string(i) + "\">Item " + std::to_string(i) + "</A>\n";
  }
  std::istringstream in(netscape);
  test::CollectingSink sink;
  read_bookmarks(in, BookmarkFormat::kUnknown, {}, sink);
  REQUIRE(sink.bookmarks.size() == 300);
  CHECK(sink.bookmarks[299].bookmark.title == "Item 299");

  std::istringstream pinboard(R"([{"href": "https://p.example/", "description": "P"}])");
  test::CollectingSink pinboard_sink;
  read_bookmarks(pinboard, BookmarkFormat::kUnknown, {}, pinboard_sink);
  CHECK(pinboard_sink.bookmarks.size() == 1);

  std::istringstream junk(std::string("\x00\x01binary junk", 13));
  test::CollectingSink junk_sink;
  CHECK_THROWS_WITH(
      read_bookmarks(junk, BookmarkFormat::kUnknown, {}, junk_sink),
      "line 1, byte 0: not a bookmark file: expected <!DOCTYPE NETSCAPE-Bookmark-file-1>, <opml> or JSON");
}

}  // namespace pebble
