// The Netscape reader on hand-written fixtures: every attribute, tolerant syntax, malformed input.
#include <catch2/catch.hpp>

#include "formats/bookmark_readers.h"
#include "support/test_env.h"
#include "unit/formats/collecting_sink.h"

namespace pebble {
namespace {

using Tags = std::vector<std::string>;

test::CollectingSink read(const std::string& text, formats::ReaderOptions options = {}) {
  return test::read_text(formats::read_netscape, text, options);
}

constexpr const char* kHeader = "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n";

}  // namespace

TEST_CASE("Netscape fixture: attribute case, order, quoting, entities, folders", "[formats]") {
  formats::ReaderOptions options;
  options.folder_tags = true;
  const auto sink = read(test::read_file(test::test_data_dir() + "/formats/netscape_features.html"), options);
  REQUIRE(sink.bookmarks.size() == 4);
  REQUIRE(sink.failures.size() == 1);

  const formats::ParsedBookmark& first = sink.bookmarks[0];
  CHECK(first.index == 0);
  CHECK(first.bookmark.url == "http://unquoted.example/path?a=1&b=2");
  CHECK(first.bookmark.title == "Café & \xF0\x9F\x98\x80 été &bogus; <b>");
  CHECK(first.bookmark.tags == Tags{"one", "two,three", "spaced tag"});
  CHECK(first.bookmark.is_private);
  CHECK(first.bookmark.to_read);
  CHECK(first.bookmark.created_at == support::Timestamp::from_seconds(1700000000));  // milliseconds
  CHECK(first.bookmark.updated_at == support::Timestamp::from_seconds(1700000001));  // microseconds
  CHECK(first.bookmark.feed_url == "https://unquoted.example/feed.xml");
  CHECK(first.bookmark.description == "First line \"quoted\"\n  second line 'single'");
  CHECK(first.bookmark.unique_hash.size() == 64);
  CHECK(first.folder_path.empty());

  const formats::ParsedBookmark& inner = sink.bookmarks[1];
  CHECK(inner.bookmark.title == "Inner   title");
  CHECK(inner.bookmark.created_at == support::Timestamp::from_seconds(1704164645));  // ISO 8601
  CHECK(inner.bookmark.feed_url == "https://inner.example/rss");
  CHECK_FALSE(inner.bookmark.description.has_value());  // the folder's <DD> is not the item's
  CHECK(inner.folder_path == Tags{"Outer & folder"});
  CHECK(inner.bookmark.tags == Tags{"Outer & folder"});

  const formats::ParsedBookmark& deep = sink.bookmarks[2];
  CHECK(deep.bookmark.title == "Deep bold one");
  CHECK(deep.bookmark.description == "Keeps <i>markup</i> verbatim");
  CHECK_FALSE(deep.bookmark.created_at.has_value());  // zero means missing
  CHECK(deep.folder_path == Tags{"Outer & folder", "Deep"});

  CHECK(sink.failures[0].index == 3);
  CHECK(sink.failures[0].title == "no href");
  CHECK(sink.failures[0].error == "line 17: <A> without HREF");

  CHECK(sink.bookmarks[3].index == 4);
  CHECK(sink.bookmarks[3].folder_path.empty());
  CHECK_FALSE(sink.bookmarks[3].bookmark.is_private);
}

TEST_CASE("Netscape: input that is not a bookmark file is a root error", "[formats]") {
  CHECK_THROWS_WITH(
      read("hello world\n"),
      "line 1, byte 0: not a Netscape bookmark file: expected <!DOCTYPE NETSCAPE-Bookmark-file-1>");
  CHECK_THROWS_WITH(read("  \n\n"), Catch::StartsWith("line 1, byte 0: empty input"));
  CHECK_THROWS_WITH(read("<html><body><p>just a page</p></body></html>"),
                    Catch::Contains("no <DL>, <DT> or <A> found"));
  CHECK_THROWS_AS(read("{\"items\": []}"), formats::FormatError);
}

TEST_CASE("Netscape: a truncated file delivers what was read, then records the cut item", "[formats]") {
  const std::string good = std::string(kHeader) + "<DT><A HREF=\"https://a.example/\">A</A>\n";
  auto sink = read(good + "<DT><A HREF=\"https://b.example/\" ADD_DA");
  REQUIRE(sink.bookmarks.size() == 1);
  REQUIRE(sink.failures.size() == 1);
  CHECK(sink.failures[0].index == 1);
  CHECK(sink.failures[0].error == "line 4: end of input inside a tag: the file is truncated");

  sink = read(good + "<DT><A HREF=\"https://b.example/\">Half a ti");
  REQUIRE(sink.failures.size() == 1);
  CHECK(sink.failures[0].url == "https://b.example/");
  CHECK(sink.failures[0].title == "Half a ti");
  CHECK(sink.failures[0].error == "line 4: end of input inside <A>: the file is truncated");

  sink = read(good + "<DD>a description cut sh");  // no </DL>: tolerated
  REQUIRE(sink.bookmarks.size() == 1);
  CHECK(sink.bookmarks[0].bookmark.description == "a description cut sh");
  CHECK(sink.failures.empty());
}

TEST_CASE("Netscape: invalid UTF-8 becomes U+FFFD", "[formats]") {
  const auto sink =
      read(std::string(kHeader) + "<DT><A HREF=\"https://x.example/\">bad \xFF\xC3 byte</A>\n<DD>\xE2\x82");
  REQUIRE(sink.bookmarks.size() == 1);
  CHECK(sink.bookmarks[0].bookmark.title == "bad \xEF\xBF\xBD\xEF\xBF\xBD byte");
  // A truncated sequence is one maximal subpart: one U+FFFD (support/utf8.h).
  CHECK(sink.bookmarks[0].bookmark.description == "\xEF\xBF\xBD");
}

TEST_CASE("Netscape: a huge single line is skipped with a clear item failure", "[formats]") {
  formats::ReaderOptions options;
  options.max_token_bytes = 64 * 1024;
  options.chunk_bytes = 4096;
  const std::string icon(1 << 20, 'x');
  std::string text = std::string(kHeader) + "<DT><A HREF=\"https://big.example/\" ICON=\"" + icon +
                     "\">Big</A>" + "<DT><A HREF=\"https://next.example/\">Next</A><DD>" + icon +
                     "<DT><A HREF=\"https://last.example/\">L</A>";
  const auto sink = read(text, options);
  REQUIRE(sink.failures.size() == 2);
  CHECK(sink.failures[0].index == 0);
  CHECK(sink.failures[0].error == "line 3: <A> tag longer than 65536 bytes");
  CHECK(sink.failures[1].index == 1);
  CHECK(sink.failures[1].error == "line 3: description longer than 65536 bytes");
  REQUIRE(sink.bookmarks.size() == 1);
  CHECK(sink.bookmarks[0].bookmark.url == "https://last.example/");
  CHECK(sink.bookmarks[0].index == 2);
  CHECK(sink.progress.size() > 100);  // reported while reading, not only at the end
}

TEST_CASE("Netscape: tags split across chunk boundaries read the same", "[formats]") {
  const std::string text = test::read_file(test::test_data_dir() + "/formats/netscape_features.html");
  const auto whole = read(text);
  for (std::size_t chunk : {16u, 17u, 61u}) {
    formats::ReaderOptions options;
    options.chunk_bytes = chunk;
    const auto pieces = read(text, options);
    REQUIRE(pieces.bookmarks.size() == whole.bookmarks.size());
    for (std::size_t i = 0; i < whole.bookmarks.size(); ++i) {
      CHECK(pieces.bookmarks[i].bookmark.title == whole.bookmarks[i].bookmark.title);
      CHECK(pieces.bookmarks[i].bookmark.description == whole.bookmarks[i].bookmark.description);
      CHECK(pieces.bookmarks[i].bookmark.tags == whole.bookmarks[i].bookmark.tags);
    }
  }
}

}  // namespace pebble
