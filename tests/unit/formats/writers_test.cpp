// Byte-exact golden files for every writer, and the layouts SPEC §5 pins.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "formats/bookmark_writer.h"
#include "support/test_env.h"
#include "unit/formats/sample_bookmarks.h"

namespace pebble {
namespace {

const formats::ExportHeader kHeader{"alice & bob",
                                    support::Timestamp::from_seconds(1751150040)};  // 2025-06-28T22:34:00Z

std::string write_all(formats::BookmarkFormat format, const std::vector<domain::Bookmark>& bookmarks,
                      formats::WriterOptions options = {}) {
  std::ostringstream out;
  auto writer = formats::make_bookmark_writer(format, out, options);
  writer->begin(kHeader);
  for (const domain::Bookmark& bookmark : bookmarks) writer->write(bookmark);
  writer->finish();
  return out.str();
}

// Compares with tests/data/formats/golden/<name>; PEBBLE_UPDATE_GOLDEN=1 rewrites the file instead.
void check_golden(const std::string& name, const std::string& actual) {
  const std::string path = test::test_data_dir() + "/formats/golden/" + name;
  if (std::getenv("PEBBLE_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << actual;
  }
  INFO(path);
  CHECK(test::read_file(path) == actual);
}

}  // namespace

TEST_CASE("writers match their golden files byte for byte", "[formats]") {
  const auto bookmarks = test::sample_bookmarks();
  check_golden("bookmarks.html", write_all(formats::BookmarkFormat::kNetscape, bookmarks));
  check_golden("bookmarks.json", write_all(formats::BookmarkFormat::kActivityStreams, bookmarks));
  check_golden("bookmarks.pretty.json",
               write_all(formats::BookmarkFormat::kActivityStreams, bookmarks, {true}));
  check_golden("bookmarks.opml", write_all(formats::BookmarkFormat::kOpml, bookmarks));
  check_golden("bookmarks.md", write_all(formats::BookmarkFormat::kMarkdown, bookmarks));
}

TEST_CASE("writers on an empty selection", "[formats]") {
  check_golden("empty.html", write_all(formats::BookmarkFormat::kNetscape, {}));
  check_golden("empty.pretty.json", write_all(formats::BookmarkFormat::kActivityStreams, {}, {true}));
  CHECK(write_all(formats::BookmarkFormat::kMarkdown, {}) == "<!-- No bookmarks found -->");
  const std::string json = write_all(formats::BookmarkFormat::kActivityStreams, {});
  CHECK(json.find(",\"items\":[],\"totalItems\":0}") != std::string::npos);
}

TEST_CASE("writers: the layout details SPEC §5 names", "[formats]") {
  const auto bookmarks = test::sample_bookmarks();
  const std::string html = write_all(formats::BookmarkFormat::kNetscape, bookmarks);
  CHECK(html.find("<DT><A HREF=\"https://example.com/?a=1&amp;b=2\" ADD_DATE=\"1709632800\" "
                  "LAST_MODIFIED=\"1709636400\" "
                  "ID=\"") != std::string::npos);
  CHECK(html.find(">It&#x27;s &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;</A>") != std::string::npos);
  CHECK(html.find(">Untitled</A>") != std::string::npos);
  CHECK(html.find("\n    </DL><p>\n") == html.size() - 14);

  const std::string json = write_all(formats::BookmarkFormat::kActivityStreams, bookmarks, {true});
  CHECK(json.find("\"totalItems\": 3") > json.find("\"items\""));

  const std::string opml = write_all(formats::BookmarkFormat::kOpml, bookmarks);
  CHECK(
      opml.find(
          "<title>alice &amp; bob's Pebbling Club Bookmarks</title><dateCreated>Sat, 28 Jun 2025 22:34:00 GMT"
          "</dateCreated>") != std::string::npos);

  std::vector<domain::Bookmark> skipped(1);
  CHECK(write_all(formats::BookmarkFormat::kMarkdown, skipped) ==
        "<!-- No bookmarks found -->");  // empty url
  std::ostringstream sink;
  CHECK_THROWS_AS(formats::make_bookmark_writer(formats::BookmarkFormat::kUnknown, sink),
                  support::UsageError);
}

TEST_CASE("markdown export: a <script> title and a CR in a link target stay text", "[formats]") {
  std::vector<domain::Bookmark> hostile(1);
  hostile[0].url = "https://evil.example/a\rb)c<d>\\e&amp;f&g=1";
  hostile[0].title = "<script>alert(1)</script> & \x01![img](x)";
  hostile[0].description = "<img src=x onerror=alert(1)>\n&lt;kept&gt;";
  hostile[0].created_at = support::Timestamp::from_seconds(1709632800);
  CHECK(write_all(formats::BookmarkFormat::kMarkdown, hostile) ==
        "# 2024-03-05\n\n"
        "- [&lt;script&gt;alert\\(1\\)&lt;/script&gt; &amp; \\!\\[img\\]\\(x\\)]"
        "(https://evil.example/a%0Db%29c%3Cd%3E\\\\e\\&amp;f&g=1)\n"
        "  > &lt;img src=x onerror=alert\\(1\\)&gt;\n"
        "  > &amp;lt;kept&amp;gt;\n");
}

}  // namespace pebble
