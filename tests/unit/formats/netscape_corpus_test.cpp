// The Netscape samples of real browsers and services (shared corpus from the Shaarli parser's tests).
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "formats/bookmark_readers.h"
#include "support/test_env.h"
#include "unit/formats/collecting_sink.h"

namespace pebble {
namespace {

std::string corpus_path(const std::string& name) {
  const std::string path = test::shared_dir() + "/corpora/netscape-shaarli/input/" + name;
  if (!std::filesystem::exists(path)) test::skip_test("corpus file missing: " + path);
  return path;
}

test::CollectingSink read_corpus(const std::string& name, formats::ReaderOptions options = {}) {
  std::ifstream in(corpus_path(name), std::ios::binary);
  test::CollectingSink sink;
  formats::read_netscape(in, options, sink);
  return sink;
}

support::Timestamp seconds(std::int64_t value) {
  return support::Timestamp::from_seconds(value);
}

using Tags = std::vector<std::string>;

}  // namespace

TEST_CASE("every Netscape corpus file reads without crashing", "[formats]") {
  const std::string folder = test::shared_dir() + "/corpora/netscape-shaarli/input";
  if (!std::filesystem::exists(folder)) test::skip_test("corpus missing: " + folder);
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    ++files;
    std::ifstream in(entry.path(), std::ios::binary);
    test::CollectingSink sink;
    if (entry.file_size() == 0) {
      CHECK_THROWS_WITH(formats::read_netscape(in, {}, sink), Catch::Contains("line 1, byte 0: empty input"));
      continue;
    }
    INFO(entry.path().string());
    CHECK_NOTHROW(formats::read_netscape(in, {}, sink));
    CHECK(sink.failures.empty());
    CHECK_FALSE(sink.bookmarks.empty());
    CHECK(sink.progress.back() == entry.file_size());
  }
  CHECK(files >= 20);
}

TEST_CASE("Firefox export: tags, descriptions, dates and entities", "[formats]") {
  const auto sink = read_corpus("firefox_flat.htm");
  REQUIRE(sink.bookmarks.size() == 24);
  const domain::BookmarkInput& kafene = sink.bookmarks[2].bookmark;
  CHECK(kafene.url == "https://github.com/kafene/netscape-bookmark-parser");
  CHECK(kafene.title ==
        "kafene/netscape-bookmark-parser: a php script (function) to parse netscape format bookmark files");
  CHECK(kafene.tags == Tags{"github", "php", "netscape", "parser"});
  CHECK(kafene.description ==
        "netscape-bookmark-parser - a php script (function) to parse netscape format bookmark files");
  CHECK(kafene.created_at == seconds(1463686279));
  CHECK(kafene.updated_at == seconds(1463686279));
  CHECK(sink.bookmarks[2].index == 2);
  CHECK_FALSE(sink.bookmarks[3].bookmark.description.has_value());  // an empty <DD>
  CHECK(sink.bookmarks[6].bookmark.description->find("you're probably doing it wrong") != std::string::npos);
  CHECK(sink.bookmarks[7].bookmark.description->find("figure out&#8230;") != std::string::npos);
  CHECK(sink.bookmarks[0].bookmark.url.find("place:folder=BOOKMARKS_MENU&folder=UNFILED_BOOKMARKS") == 0);
}

TEST_CASE("Chromium export: folders become a path and, on request, tags", "[formats]") {
  const auto flat = read_corpus("chromium_flat.htm");
  REQUIRE(flat.bookmarks.size() == 9);
  CHECK(flat.bookmarks[1].bookmark.url == "https://framasoft.org/");
  CHECK(flat.bookmarks[1].bookmark.title == "Framasoft ~ Page portail du réseau");
  CHECK(flat.bookmarks[1].bookmark.created_at == seconds(1466009059));
  CHECK(flat.bookmarks[1].bookmark.tags.empty());
  CHECK_FALSE(flat.bookmarks[1].bookmark.updated_at.has_value());

  formats::ReaderOptions options;
  options.folder_tags = true;
  const auto nested = read_corpus("chromium_nested.htm", options);
  REQUIRE(nested.bookmarks.size() == 18);
  CHECK(nested.bookmarks[0].folder_path == Tags{"Personal toolbar"});
  CHECK(nested.bookmarks[1].folder_path.empty());
  const auto psr = std::find_if(
      nested.bookmarks.begin(), nested.bookmarks.end(),
      [](const formats::ParsedBookmark& b) { return b.bookmark.url == "http://www.php-fig.org/psr/"; });
  REQUIRE(psr != nested.bookmarks.end());
  CHECK(psr->bookmark.title == "PHP Standards Recommendations - PHP-FIG");
  CHECK(psr->folder_path == Tags{"Dev", "PHP"});
  CHECK(psr->bookmark.tags == Tags{"Dev", "PHP"});
}

TEST_CASE("Safari export: folded folders and no dates", "[formats]") {
  const auto sink = read_corpus("safari_folded.htm");
  REQUIRE(sink.bookmarks.size() == 3);
  CHECK(sink.bookmarks[0].bookmark.url == "https://github.com/");
  CHECK(sink.bookmarks[0].bookmark.title == "GitHub");
  CHECK(sink.bookmarks[0].folder_path == Tags{"Favoris"});
  CHECK(sink.bookmarks[2].bookmark.title == "Wikipedia, the free encyclopedia");
  CHECK(sink.bookmarks[2].folder_path == Tags{"Autre Divers", "doc"});
  CHECK_FALSE(sink.bookmarks[2].bookmark.created_at.has_value());
  CHECK(sink.bookmarks[2].bookmark.tags.empty());
}

TEST_CASE("Delicious export: private flag, escaped urls, quotes in descriptions", "[formats]") {
  const auto sink = read_corpus("delicious.htm");
  REQUIRE(sink.bookmarks.size() == 5);
  CHECK(sink.bookmarks[1].bookmark.url ==
        "https://msdn.microsoft.com/en-us/library/aa753582%28v=vs.85%29.aspx");
  CHECK(sink.bookmarks[1].bookmark.tags == Tags{"netscape", "xml", "bookmark", "format"});
  CHECK(sink.bookmarks[1].bookmark.description == "Windows Internet Explorer Favorites file format");
  CHECK(sink.bookmarks[2].bookmark.is_private);
  CHECK_FALSE(sink.bookmarks[2].bookmark.description.has_value());
  CHECK(sink.bookmarks[3].bookmark.title == "Paper craft Mine Turtle");
  CHECK(sink.bookmarks[3].bookmark.description == "\"Hello!\"");
  CHECK(sink.bookmarks[3].bookmark.created_at == seconds(1428876000));
  CHECK(sink.bookmarks[4].bookmark.tags == Tags{"@font-face", "os", "typography"});

  const auto sanitize = read_corpus("delicious_sanitize.htm");
  REQUIRE(sanitize.bookmarks.size() == 2);
  CHECK(sanitize.bookmarks[0].bookmark.description ==
        "Text\n<li>#CLE ---> #VALEUR</li>\n</BOUCLE_exploiter>\n</code>");
  CHECK(sanitize.bookmarks[0].bookmark.tags == Tags{"spip3", "astuces"});
  CHECK(sanitize.bookmarks[0].bookmark.title ==
        "spip pastebin - outil de debug collaboratif - Bonjour les écureuils !");
}

TEST_CASE("Internet Explorer export: byte order mark and nested folders", "[formats]") {
  const auto flat = read_corpus("internet_explorer_11_flat.htm");
  REQUIRE(flat.bookmarks.size() == 18);
  CHECK(flat.bookmarks[0].bookmark.url == "https://coderwall.com/p/euwpig/a-better-git-log");
  CHECK(flat.bookmarks[0].bookmark.title == "A better git log (Example)  Coderwall");
  CHECK(flat.bookmarks[0].bookmark.created_at == seconds(1466267453));
  CHECK(flat.bookmarks[13].bookmark.updated_at == seconds(1466271386));

  const auto nested = read_corpus("internet_explorer_11_nested.htm");
  REQUIRE(nested.bookmarks.size() >= 5);
  CHECK(nested.bookmarks[0].folder_path == Tags{"Comics"});
  CHECK(nested.bookmarks[2].bookmark.title == "PHP Sadness");
  CHECK(nested.bookmarks[2].folder_path == Tags{"Dev", "PHP"});
}

TEST_CASE("Netscape samples: unreadable dates, multi-word tags, folder descriptions", "[formats]") {
  const auto basic = read_corpus("netscape_basic.htm");
  REQUIRE(basic.bookmarks.size() == 2);
  CHECK(basic.bookmarks[0].bookmark.url == "https://private.tld");
  CHECK_FALSE(basic.bookmarks[0].bookmark.created_at.has_value());  // "10/Oct/2000:13:55:36 +0300"
  CHECK(basic.bookmarks[0].bookmark.is_private);
  CHECK(basic.bookmarks[0].bookmark.tags == Tags{"private secret"});  // TAGS splits at commas only
  CHECK(basic.bookmarks[0].bookmark.description == "Super-secret stuff you're not supposed to know about");
  CHECK(basic.bookmarks[1].bookmark.created_at == seconds(1456433748));
  CHECK_FALSE(basic.bookmarks[1].bookmark.is_private);

  const auto nested = read_corpus("netscape_nested.htm");
  REQUIRE(nested.bookmarks.size() == 8);
  CHECK(nested.bookmarks[0].bookmark.tags == Tags{"tag1", "tag2", "multi word"});
  CHECK(nested.bookmarks[1].folder_path == Tags{"Folder1, the first,folder to encounter"});
  CHECK(nested.bookmarks[3].bookmark.title == "Nested 2-1");
  CHECK(nested.bookmarks[3].bookmark.description == "First link of the second section");
  CHECK(nested.bookmarks[3].folder_path == Tags{"Folder2"});
  CHECK(nested.bookmarks[5].folder_path == Tags{"Folder3", "Folder3-1"});
  CHECK(nested.bookmarks[7].folder_path.empty());
  CHECK(nested.bookmarks[7].bookmark.created_at == seconds(1456733741));

  const auto multiline = read_corpus("netscape_multiline.htm");
  REQUIRE(multiline.bookmarks.size() == 3);
  CHECK(multiline.bookmarks[2].bookmark.description ==
        "List:\n- item1\n- item2\n\nParagraph number one.\n\nParagraph\nnumber\ntwo.");

  const auto extended = read_corpus("netscape_extended.htm");
  REQUIRE(extended.bookmarks.size() == 1);
  CHECK(extended.bookmarks[0].bookmark.description->find(
            "got away.\n<a href=\"http://localhost.localdomain:8083/Shaarli/?JVvqCA\"><img src=") !=
        std::string::npos);

  const auto google = read_corpus("google_bookmarks_nested.htm");
  REQUIRE(google.bookmarks.size() == 6);
  CHECK(google.bookmarks[0].bookmark.created_at == support::Timestamp{1515515697780642});  // microseconds
  CHECK(google.bookmarks[0].folder_path == Tags{"Unlabeled"});
}

TEST_CASE("Shaarli exports: entities, relative urls, legacy layout", "[formats]") {
  const auto sink = read_corpus("shaarli.htm");
  REQUIRE(sink.bookmarks.size() == 6);
  const domain::BookmarkInput& first = sink.bookmarks[0].bookmark;
  CHECK(first.url == "?lY47tw");
  CHECK(first.title == "Kouign'amann recipes");
  CHECK(first.tags == Tags{"breton", "recipe", "kouign", "amann", "traditional", "caramel", "butter"});
  CHECK(first.description->rfind("\"Is there anything more fabulous than something created through", 0) == 0);
  CHECK(first.created_at == seconds(1459371397));
  CHECK(sink.bookmarks[3].bookmark.url ==
        "http://storml.deviantart.com/art/"
        "Mine-Turtle-Instructions-302477240?q=in%3Ascraps%20sort%3Atime%20gallery%3Astorml&qo=1");
  CHECK(sink.bookmarks[4].bookmark.title ==
        "Shaarli: the personal, minimalist, super-fast, no-database delicious clone");
  CHECK(sink.bookmarks[5].bookmark.is_private);
  CHECK(sink.bookmarks[5].bookmark.description ==
        "Shhhh! I'm a private link only YOU can see. You can delete me too.");

  const auto legacy = read_corpus("shaarli_legacy.htm");
  REQUIRE(legacy.bookmarks.size() == 2);
  CHECK(legacy.bookmarks[0].bookmark.description == "simple on/off button");

  const auto scuttle = read_corpus("scuttle_new_line.htm");
  REQUIRE(scuttle.bookmarks.size() == 1);
  CHECK(scuttle.bookmarks[0].bookmark.description->rfind(
            "The best in funk, soul, jazz and rare groove vinyl\nI have", 0) == 0);
}

}  // namespace pebble
