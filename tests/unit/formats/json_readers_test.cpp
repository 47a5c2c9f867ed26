// ActivityStreams and Pinboard JSON readers: item mapping, root validation before any item,
// streaming order, malformed input.
#include <catch2/catch.hpp>

#include "formats/bookmark_readers.h"
#include "support/test_env.h"
#include "unit/formats/collecting_sink.h"

namespace pebble {
namespace {

using Tags = std::vector<std::string>;

test::CollectingSink read_as(const std::string& text, formats::ReaderOptions options = {}) {
  return test::read_text(formats::read_activitystreams, text, options);
}

const std::string kContext = R"("@context": "https://www.w3.org/ns/activitystreams")";

// Counts what reached the sink before a root error was thrown.
struct ThrowingCheck {
  std::size_t delivered = 0;
  std::string message;
};

ThrowingCheck read_as_expecting_error(const std::string& text) {
  std::istringstream in(text);
  test::CollectingSink sink;
  ThrowingCheck check;
  try {
    formats::read_activitystreams(in, {}, sink);
  } catch (const formats::FormatError& error) {
    check.message = error.what();
  }
  check.delivered = sink.bookmarks.size() + sink.failures.size();
  return check;
}

}  // namespace

TEST_CASE("ActivityStreams fixture: every Link field and the item failures", "[formats]") {
  const auto sink =
      read_as(test::read_file(test::test_data_dir() + "/formats/activitystreams_features.json"));
  REQUIRE(sink.bookmarks.size() == 2);
  REQUIRE(sink.failures.size() == 3);
  const domain::BookmarkInput& one = sink.bookmarks[0].bookmark;
  CHECK(one.url == "https://example.com/one");
  CHECK(one.title == "Café \"one\"");
  CHECK(one.description == "line 1\nline 2");
  CHECK(one.created_at == support::Timestamp::from_seconds(1704110400));
  CHECK(one.updated_at == support::Timestamp{1704196800250000});
  CHECK(one.tags == Tags{"tech", "programming", "as object"});
  CHECK(one.feed_url == "https://example.com/feed.xml");
  CHECK(one.is_private);
  CHECK(one.to_read);
  CHECK(one.unique_hash.size() == 64);

  CHECK(sink.failures[0].index == 1);
  CHECK(sink.failures[0].error == "Link object missing required 'url' field");
  CHECK(sink.failures[0].title == "No url here");

  const formats::ParsedBookmark& two = sink.bookmarks[1];
  CHECK(two.index == 2);
  CHECK(two.bookmark.title.empty());  // an empty name is accepted so that exports round-trip
  CHECK_FALSE(two.bookmark.description.has_value());
  CHECK(two.bookmark.tags.empty());
  CHECK_FALSE(two.bookmark.is_private);

  CHECK(sink.failures[1].index == 3);
  CHECK(sink.failures[1].error == "item is not a JSON object");
  CHECK(sink.failures[2].index == 4);
  CHECK(sink.failures[2].error == "Link object missing required 'name' field");
  CHECK(sink.failures[2].url == "https://example.com/three");
}

TEST_CASE("ActivityStreams: root problems throw before any item reaches the sink", "[formats]") {
  const std::string items = R"("items": [{"url": "https://a.example/", "name": "A"}])";
  auto check = read_as_expecting_error("{" + items + ", \"type\": \"Collection\"}");
  CHECK(check.message == "line 1, byte 77: not an ActivityStreams collection: missing @context");
  CHECK(check.delivered == 0);

  check = read_as_expecting_error("{" + items +
                                  R"(, "@context": "https://example.com/other", "type": "Collection"})");
  CHECK_THAT(check.message, Catch::Contains("@context must include the ActivityStreams namespace"));
  CHECK(check.delivered == 0);

  check = read_as_expecting_error("{" + kContext + ", \"type\": \"OrderedCollection\", " + items + "}");
  CHECK_THAT(check.message, Catch::EndsWith("root object must be of type 'Collection'"));
  CHECK(check.delivered == 0);

  check = read_as_expecting_error("{" + kContext + R"(, "type": "Collection"})");
  CHECK_THAT(check.message, Catch::EndsWith("Collection must contain 'items' array"));

  check = read_as_expecting_error("{" + kContext + R"(, "type": "Collection", "items": {}})");
  CHECK_THAT(check.message, Catch::EndsWith("'items' must be an array"));

  check = read_as_expecting_error(R"([{"url": "https://a.example/"}])");
  CHECK(check.message == "line 1, byte 1: not ActivityStreams JSON: the root must be an object");

  check = read_as_expecting_error("<html>not json</html>");
  CHECK_THAT(check.message, Catch::StartsWith("line 1, byte 1: invalid ActivityStreams JSON: syntax error"));

  check = read_as_expecting_error("");
  CHECK(check.message == "line 1, byte 0: empty input: expected ActivityStreams JSON");
}

TEST_CASE("ActivityStreams: @context and type after items are honoured by holding the items", "[formats]") {
  const auto sink = read_as(R"({"items": [{"url": "https://a.example/", "name": "A"}, {"name": "no url"}],
                                "type": "Collection", "@context": ["https://www.w3.org/ns/activitystreams"]})");
  REQUIRE(sink.bookmarks.size() == 1);
  REQUIRE(sink.failures.size() == 1);
  CHECK(sink.bookmarks[0].bookmark.url == "https://a.example/");
}

TEST_CASE("ActivityStreams: truncated JSON delivers the items read so far, then throws", "[formats]") {
  const std::string text = "{" + kContext + R"(, "type": "Collection", "items": [
    {"url": "https://a.example/", "name": "A"},
    {"url": "https://b.example/", "na)";
  std::istringstream in(text);
  test::CollectingSink sink;
  CHECK_THROWS_WITH(formats::read_activitystreams(in, {}, sink),
                    Catch::StartsWith("line 3, byte ") && Catch::Contains("truncated ActivityStreams JSON"));
  REQUIRE(sink.bookmarks.size() == 1);
  CHECK(sink.bookmarks[0].bookmark.url == "https://a.example/");
}

TEST_CASE("ActivityStreams: invalid UTF-8, oversized items and over-long strings", "[formats]") {
  auto sink = read_as("{" + kContext +
                      R"(, "type": "Collection", "items": [{"url": "https://a.example/", "name": "bad )" +
                      std::string("\xFF\xFE") + R"( name"}]})");
  REQUIRE(sink.bookmarks.size() == 1);
  CHECK(sink.bookmarks[0].bookmark.title == "bad \xEF\xBF\xBD\xEF\xBF\xBD name");

  formats::ReaderOptions options;
  options.max_item_bytes = 1000;
  options.chunk_bytes = 256;
  const std::string big_tags = [] {
    std::string tags;
    for (int i = 0; i < 300; ++i) tags += (i ? ",\"t" : "\"t") + std::to_string(i) + "\"";
    return tags;
  }();
  sink = read_as(
      "{" + kContext +
          R"(, "type": "Collection", "items": [{"url": "https://big.example/", "name": "B", "tag": [)" +
          big_tags + R"(]}, {"url": "https://small.example/", "name": "S"}]})",
      options);
  REQUIRE(sink.failures.size() == 1);
  CHECK(sink.failures[0].index == 0);
  CHECK(sink.failures[0].error == "item larger than the size limit");
  REQUIRE(sink.bookmarks.size() == 1);
  CHECK(sink.bookmarks[0].index == 1);

  options.max_token_bytes = 100;
  CHECK_THROWS_WITH(read_as("{" + kContext + R"(, "type": "Collection", "items": [{"url": ")" +
                                std::string(5000, 'u') + "\"}]}",
                            options),
                    Catch::Contains("JSON value longer than 100 bytes"));
}

TEST_CASE("Pinboard fixture: fields, flags and failures", "[formats]") {
  const auto sink = test::read_text(
      formats::read_pinboard, test::read_file(test::test_data_dir() + "/formats/pinboard_features.json"));
  REQUIRE(sink.bookmarks.size() == 2);
  const domain::BookmarkInput& one = sink.bookmarks[0].bookmark;
  CHECK(one.url == "https://pinboard.example/one");
  CHECK(one.title == "Pinned é");
  CHECK(one.description == "Longer text");
  CHECK(one.tags == Tags{"alpha", "beta", "gamma"});
  CHECK(one.created_at == support::Timestamp::from_seconds(1588561321));
  CHECK(one.is_private);
  CHECK(one.to_read);
  const domain::BookmarkInput& two = sink.bookmarks[1].bookmark;
  CHECK_FALSE(two.description.has_value());
  CHECK_FALSE(two.created_at.has_value());
  CHECK_FALSE(two.is_private);
  CHECK_FALSE(two.to_read);
  REQUIRE(sink.failures.size() == 1);
  CHECK(sink.failures[0].index == 2);
  CHECK(sink.failures[0].error == "bookmark missing required 'href' field");
  CHECK_THROWS_WITH(test::read_text(formats::read_pinboard, R"({"href": "x"})"),
                    "line 1, byte 1: not Pinboard JSON: the root must be an array");
}

}  // namespace pebble
