// The dialects of #13 (RSS 1.1, Atom entry documents, namespaced RSS and Atom, Atom 0.3 modes,
// DTD entities, item fields and their types, categories, podcast fields, base URIs, sanitized
// content): each fixture tests/data/feeds/NAME.xml is parsed as the poller reads it (parse_feed,
// then sanitize_items) and compared with NAME.expected.json, written by hand from the
// specifications. Every key the expected JSON names is compared (null: must be absent); keys it
// leaves out are not looked at, so one fixture checks only what it is about. An expected JSON's
// "fetched" object gives the final URL and Content-Location header the document came with
// (default: https://example.org/feed, none).
#include <algorithm>
#include <filesystem>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "parse/parse_feed.h"
#include "parse/sanitize_items.h"
#include "support/test_env.h"

namespace {

using nlohmann::json;
using pebble::parse::ParsedFeed;
using pebble::parse::ParsedItem;

json text_or_null(const std::optional<std::string>& value) {
  return value ? json(*value) : json();
}

json time_or_null(const std::optional<pebble::support::Timestamp>& value) {
  return value ? json(pebble::support::format_rfc3339(*value)) : json();
}

json item_json(const ParsedItem& item) {
  // The stored extra_json is the source of the labels, media and podcast fields.
  json extra = json::parse(pebble::parse::item_extra_json(item));
  json out = {{"guid", item.guid},
              {"link", text_or_null(item.link)},
              {"title", text_or_null(item.title)},
              {"summary", text_or_null(item.summary)},
              {"content", text_or_null(item.content)},
              {"published", time_or_null(item.published)},
              {"updated", time_or_null(item.updated)},
              {"author", text_or_null(item.author)},
              {"title_type", pebble::parse::text_type_name(item.title_type)},
              {"summary_type", pebble::parse::text_type_name(item.summary_type)},
              {"content_type", pebble::parse::text_type_name(item.content_type)}};
  for (const char* key : {"categories", "category_labels", "enclosures", "media", "authors",
                          "duration_seconds", "image", "explicit"}) {
    out[key] = extra.contains(key) ? extra[key] : json();
  }
  return out;
}

json feed_json(const ParsedFeed& feed) {
  json items = json::array();
  for (const ParsedItem& item : feed.items) items.push_back(item_json(item));
  return {{"kind", pebble::parse::feed_kind_name(feed.kind)},
          {"title", text_or_null(feed.title)},
          {"link", text_or_null(feed.link)},
          {"description", text_or_null(feed.description)},
          {"title_type", pebble::parse::text_type_name(feed.title_type)},
          {"description_type", pebble::parse::text_type_name(feed.description_type)},
          {"image", text_or_null(feed.image)},
          {"icon", text_or_null(feed.icon)},
          {"items", items}};
}

// Every difference between `want` and `got` in the keys `want` names, one line each.
void compare(const json& want, const json& got, const std::string& path, std::string& differences) {
  if (want.is_object() && got.is_object()) {
    for (const auto& [key, value] : want.items()) {
      compare(value, got.contains(key) ? got[key] : json(), path + "." + key, differences);
    }
    return;
  }
  if (want.is_array() && got.is_array() && want.size() == got.size()) {
    for (std::size_t i = 0; i < want.size(); ++i) {
      compare(want[i], got[i], path + "[" + std::to_string(i) + "]", differences);
    }
    return;
  }
  if (want != got) differences += path + ": want " + want.dump() + ", got " + got.dump() + "\n";
}

// The fixture files that have an expected JSON beside them (NAME.xml or NAME.json).
std::vector<std::filesystem::path> fixtures_with_expectations() {
  std::vector<std::filesystem::path> fixtures;
  for (const auto& entry : std::filesystem::directory_iterator(pebble::test::test_data_dir() + "/feeds")) {
    const std::string file = entry.path().filename().string();
    if (!file.ends_with(".expected.json")) continue;
    const std::string stem = file.substr(0, file.size() - std::string(".expected.json").size());
    for (const char* extension : {".xml", ".json"}) {
      const std::filesystem::path body = entry.path().parent_path() / (stem + extension);
      if (std::filesystem::exists(body)) fixtures.push_back(body);
    }
  }
  std::sort(fixtures.begin(), fixtures.end());
  return fixtures;
}

}  // namespace

TEST_CASE("every dialect fixture parses to its expected JSON", "[feedparse]") {
  const auto fixtures = fixtures_with_expectations();
  // One per point of #13; a fixture whose body went missing would silently drop out.
  CHECK(fixtures.size() >= 30);
  for (const std::filesystem::path& body : fixtures) {
    const std::string name = body.stem().string();
    DYNAMIC_SECTION(name) {
      const json expected =
          json::parse(pebble::test::read_file((body.parent_path() / (name + ".expected.json")).string()));
      const json fetched = expected.value("fetched", json::object());
      const std::optional<std::string> content_location =
          fetched.contains("content_location") ? std::optional(fetched["content_location"].get<std::string>())
                                               : std::nullopt;
      const std::string base = pebble::parse::document_base_url(
          fetched.value("final_url", std::string("https://example.org/feed")), content_location);
      const std::string text = pebble::test::read_file(body.string());
      if (expected.contains("error")) {
        // A document that is not a readable feed: the one-line reason starts as expected.
        CHECK_THROWS_WITH(pebble::parse::parse_feed(text, base, ""),
                          Catch::Matchers::StartsWith(expected["error"].get<std::string>()));
        continue;
      }
      ParsedFeed feed = pebble::parse::parse_feed(text, base, "");
      pebble::parse::sanitize_items(feed);
      json want = expected;
      want.erase("fetched");
      std::string differences;
      compare(want, feed_json(feed), name, differences);
      CHECK(differences == "");
    }
  }
}

TEST_CASE("the document base is Content-Location resolved against the final URL, when http(s)",
          "[feedparse]") {
  using pebble::parse::document_base_url;
  const std::string final_url = "https://example.org/feeds/rss.xml";
  CHECK(document_base_url(final_url, std::nullopt) == final_url);
  CHECK(document_base_url(final_url, "/archive/feed.xml") == "https://example.org/archive/feed.xml");
  CHECK(document_base_url(final_url, " other.xml ") == "https://example.org/feeds/other.xml");
  CHECK(document_base_url(final_url, "http://mirror.example.net/f") == "http://mirror.example.net/f");
  // A base must be a web URL: anything else leaves the final URL as the base.
  CHECK(document_base_url(final_url, "javascript:alert(1)") == final_url);
  CHECK(document_base_url(final_url, "file:///etc/passwd") == final_url);
}
