// --since, --format and the format implied by an -o file name (SPEC §5).
#include "bookmarks/option_values.h"

#include <catch2/catch.hpp>

#include "support/error.h"

namespace pebble::bookmarks {

TEST_CASE("export since: accepts every documented duration unit", "[bookmarks]") {
  const support::Timestamp now = support::Timestamp::from_seconds(1'750'000'000);
  CHECK(parse_since("90s", now) == support::Timestamp::from_seconds(1'750'000'000 - 90));
  CHECK(parse_since("30m", now) == support::Timestamp::from_seconds(1'750'000'000 - 1800));
  CHECK(parse_since("12h", now) == support::Timestamp::from_seconds(1'750'000'000 - 43'200));
  CHECK(parse_since("7d", now) == support::Timestamp::from_seconds(1'750'000'000 - 604'800));
  CHECK(parse_since("2w", now) == support::Timestamp::from_seconds(1'750'000'000 - 1'209'600));
  CHECK(parse_since("6mo", now) == support::Timestamp::from_seconds(1'750'000'000 - 6 * 30 * 86'400));
  CHECK(parse_since("1y", now) == support::Timestamp::from_seconds(1'750'000'000 - 365 * 86'400));
  CHECK(parse_since("0s", now) == now);
}

TEST_CASE("export since: accepts ISO-8601 dates and times", "[bookmarks]") {
  const support::Timestamp now = support::Timestamp::from_seconds(1'750'000'000);
  CHECK(parse_since("2024-01-02", now) == support::Timestamp::from_seconds(1'704'153'600));
  CHECK(parse_since("2024-01-02T03:04:05Z", now) == support::Timestamp::from_seconds(1'704'164'645));
  CHECK(parse_since("2024-01-02T03:04:05+01:00", now) ==
        support::Timestamp::from_seconds(1'704'164'645 - 3600));
}

TEST_CASE("export since: rejects anything else with a message naming the flag", "[bookmarks]") {
  const support::Timestamp now = support::Timestamp::from_seconds(1'750'000'000);
  for (const char* text :
       {"", "yesterday", "5x", "1.5h", "-3d", "7 d", "d7", "99999999999999y", "2024-13-01"}) {
    INFO(text);
    try {
      parse_since(text, now);
      FAIL("accepted");
    } catch (const support::UsageError& error) {
      CHECK(std::string(error.what()).find("--since") != std::string::npos);
    }
  }
}

TEST_CASE("the export format follows the -o extension, else netscape", "[bookmarks]") {
  CHECK(format_from_file_name("a.html") == formats::BookmarkFormat::kNetscape);
  CHECK(format_from_file_name("a.HTM") == formats::BookmarkFormat::kNetscape);
  CHECK(format_from_file_name("dir.json/a.json") == formats::BookmarkFormat::kActivityStreams);
  CHECK(format_from_file_name("a.jsonld") == formats::BookmarkFormat::kActivityStreams);
  CHECK(format_from_file_name("a.opml") == formats::BookmarkFormat::kOpml);
  CHECK(format_from_file_name("a.XML") == formats::BookmarkFormat::kOpml);
  CHECK(format_from_file_name("notes.md") == formats::BookmarkFormat::kMarkdown);
  CHECK(format_from_file_name("a.txt") == formats::BookmarkFormat::kNetscape);
  CHECK(format_from_file_name("md") == formats::BookmarkFormat::kNetscape);
}

TEST_CASE("option format: names map to formats for import and export", "[bookmarks]") {
  CHECK(parse_import_format("auto") == formats::BookmarkFormat::kUnknown);
  CHECK(parse_import_format("pinboard") == formats::BookmarkFormat::kPinboard);
  CHECK_FALSE(parse_import_format("markdown"));
  CHECK(parse_export_format("markdown") == formats::BookmarkFormat::kMarkdown);
  CHECK(parse_export_format("pinboard") == formats::BookmarkFormat::kPinboard);
  CHECK_FALSE(parse_export_format("auto"));
}

TEST_CASE("option duplicates: the three policy names, nothing else", "[bookmarks]") {
  CHECK(parse_duplicate_policy("skip") == domain::DuplicatePolicy::kSkip);
  CHECK(parse_duplicate_policy("overwrite") == domain::DuplicatePolicy::kOverwrite);
  CHECK(parse_duplicate_policy("merge") == domain::DuplicatePolicy::kMerge);
  CHECK_FALSE(parse_duplicate_policy("Merge"));
  CHECK_FALSE(parse_duplicate_policy(""));
}

}  // namespace pebble::bookmarks
