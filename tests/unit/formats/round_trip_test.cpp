// Write then read gives back every field (SPEC §5 round trip) for netscape, activitystreams, opml.
#include <sstream>

#include <catch2/catch.hpp>

#include "formats/bookmark_readers.h"
#include "formats/bookmark_writer.h"
#include "formats/tag_list.h"
#include "unit/formats/collecting_sink.h"
#include "unit/formats/sample_bookmarks.h"

namespace pebble {
namespace {

test::CollectingSink round_trip(formats::BookmarkFormat format,
                                const std::vector<domain::Bookmark>& bookmarks, bool pretty = false) {
  std::ostringstream out;
  auto writer = formats::make_bookmark_writer(format, out, {pretty});
  writer->begin(formats::ExportHeader{"round-trip", support::Timestamp::from_seconds(1751150040)});
  for (const domain::Bookmark& bookmark : bookmarks) writer->write(bookmark);
  writer->finish();
  std::istringstream in(out.str());
  test::CollectingSink sink;
  formats::read_bookmarks(in, formats::BookmarkFormat::kUnknown, {},
                          sink);  // also checks that the output sniffs right
  return sink;
}

void check_same(const domain::Bookmark& original, const formats::ParsedBookmark& parsed,
                formats::BookmarkFormat format) {
  const domain::BookmarkInput& read = parsed.bookmark;
  INFO(formats::format_name(format) << ": " << original.url);
  CHECK(read.url == original.url);
  CHECK(read.unique_hash == original.unique_hash);
  // Netscape is the one format that must write an empty title as "Untitled" (SPEC §5).
  CHECK(
      read.title ==
      (original.title.empty() && format == formats::BookmarkFormat::kNetscape ? "Untitled" : original.title));
  if (format == formats::BookmarkFormat::kNetscape && original.description) {
    // <DD> text ends at the next tag, so surrounding whitespace is not kept.
    CHECK(read.description == std::string(formats::trim_whitespace(*original.description)));
  } else {
    CHECK(read.description == original.description);
  }
  CHECK(read.tags == original.tags);
  CHECK(read.feed_url == original.feed_url);
  CHECK(read.is_private == original.is_private);
  CHECK(read.to_read == original.to_read);
  REQUIRE(read.created_at.has_value());
  REQUIRE(read.updated_at.has_value());
  CHECK(read.created_at->seconds() == original.created_at.seconds());
  CHECK(read.updated_at->seconds() == original.updated_at.seconds());
}

}  // namespace

TEST_CASE("round trip keeps every field for netscape, activitystreams and opml", "[formats]") {
  auto bookmarks = test::sample_bookmarks();
  domain::Bookmark edge;  // markup-looking text that must stay text, and a lone comma tag
  edge.url = "https://edge.example/<DT>?q=\"x\"&amp;";
  edge.title = "<DT><A HREF=\"evil\">not a tag</A> &amp; &#39;";
  edge.description = "<DD>nested</DD>\r\n</DL><p> & done";
  edge.tags = {",", "%2C", "tab\there", "ünï"};
  edge.feed_url = "https://edge.example/feed?a=1&b=<2>";
  edge.created_at = support::Timestamp::from_seconds(1);
  edge.updated_at = support::Timestamp::from_seconds(4102444800);  // 2100-01-01
  edge.unique_hash = domain::url_unique_hash(edge.url);
  bookmarks.push_back(edge);

  for (formats::BookmarkFormat format :
       {formats::BookmarkFormat::kNetscape, formats::BookmarkFormat::kActivityStreams,
        formats::BookmarkFormat::kOpml}) {
    for (bool pretty : {false, true}) {
      const auto sink = round_trip(format, bookmarks, pretty);
      INFO(formats::format_name(format));
      CHECK(sink.failures.empty());
      REQUIRE(sink.bookmarks.size() == bookmarks.size());
      for (std::size_t i = 0; i < bookmarks.size(); ++i) {
        CHECK(sink.bookmarks[i].index == i);
        check_same(bookmarks[i], sink.bookmarks[i], format);
      }
    }
  }
}

TEST_CASE("round trip of a bookmark with no description, tags or feed", "[formats]") {
  domain::Bookmark bare;
  bare.url = "https://bare.example/";
  bare.title = "Bare";
  bare.created_at = support::Timestamp::from_seconds(1600000000);
  bare.updated_at = bare.created_at;
  bare.unique_hash = domain::url_unique_hash(bare.url);
  for (formats::BookmarkFormat format :
       {formats::BookmarkFormat::kNetscape, formats::BookmarkFormat::kActivityStreams,
        formats::BookmarkFormat::kOpml}) {
    const auto sink = round_trip(format, {bare});
    REQUIRE(sink.bookmarks.size() == 1);
    check_same(bare, sink.bookmarks[0], format);
  }
}

TEST_CASE("pinboard export reads back as pinboard: what the format can hold survives", "[formats]") {
  const auto bookmarks = test::sample_bookmarks();
  const auto sink = round_trip(formats::BookmarkFormat::kPinboard, bookmarks);
  CHECK(sink.failures.empty());
  REQUIRE(sink.bookmarks.size() == bookmarks.size());
  for (std::size_t i = 0; i < bookmarks.size(); ++i) {
    const domain::BookmarkInput& read = sink.bookmarks[i].bookmark;
    INFO(bookmarks[i].url);
    CHECK(read.url == bookmarks[i].url);
    CHECK(read.title == bookmarks[i].title);
    CHECK(read.description == bookmarks[i].description);
    CHECK(read.is_private == bookmarks[i].is_private);
    CHECK(read.to_read == bookmarks[i].to_read);
    REQUIRE(read.created_at.has_value());
    CHECK(read.created_at->seconds() == bookmarks[i].created_at.seconds());
  }
  // Pinboard tags are space-separated: a space inside a name becomes `_`.
  CHECK(sink.bookmarks[0].bookmark.tags ==
        std::vector<std::string>{"c++", "multi_word", "comma,tag", "100%", "/slashed"});
  CHECK(sink.bookmarks[2].bookmark.tags == std::vector<std::string>{"solo"});
}

}  // namespace pebble
