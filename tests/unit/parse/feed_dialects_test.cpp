// The dialects of #13 (RSS 1.1, Atom entry documents, namespaced RSS and Atom, Atom 0.3 modes,
// DTD entities, item fields and their types, categories, podcast fields): each fixture
// tests/data/feeds/NAME.xml is parsed and compared with NAME.expected.json, written by hand from
// the specifications. Every key the expected JSON names is compared (null: must be absent); keys
// it leaves out are not looked at, so one fixture checks only what it is about.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "parse/parse_feed.h"
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
  // The stored extra_json is the source of the types, labels and podcast fields: the sanitizer
  // and the store read them there.
  json extra = json::parse(pebble::parse::item_extra_json(item));
  json out = {{"guid", item.guid},
              {"link", text_or_null(item.link)},
              {"title", text_or_null(item.title)},
              {"summary", text_or_null(item.summary)},
              {"content", text_or_null(item.content)},
              {"published", time_or_null(item.published)},
              {"updated", time_or_null(item.updated)},
              {"author", text_or_null(item.author)}};
  for (const char* key : {"categories", "category_labels", "enclosures", "media", "title_type",
                          "summary_type", "content_type", "duration_seconds", "image", "explicit"}) {
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
          {"image", text_or_null(feed.image)},
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

}  // namespace

TEST_CASE("every dialect fixture parses to its expected JSON", "[feedparse]") {
  const std::string dir = pebble::test::test_data_dir() + "/feeds/";
  const auto name =
      GENERATE(as<std::string>{}, "rss11", "atom_entry_document", "rss_userland_namespace", "rss_prefixed",
               "atom_prefixed_draft", "atom03_content_modes", "dtd_internal_entities", "rss_item_sources",
               "categories_mixed", "podcast_itunes", "atom_xhtml_foreign");
  INFO(name);
  const ParsedFeed feed =
      pebble::parse::parse_feed(pebble::test::read_file(dir + name + ".xml"), "https://example.org/feed", "");
  std::string differences;
  compare(json::parse(pebble::test::read_file(dir + name + ".expected.json")), feed_json(feed), name,
          differences);
  CHECK(differences == "");
}
