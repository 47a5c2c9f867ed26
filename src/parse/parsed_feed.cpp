#include "parse/parsed_feed.h"

#include <nlohmann/json.hpp>

namespace pebble::parse {

namespace {

nlohmann::json enclosures_json(const std::vector<Enclosure>& enclosures) {
  nlohmann::json list = nlohmann::json::array();
  for (const Enclosure& enclosure : enclosures) {
    list.push_back({{"url", enclosure.url},
                    {"type", enclosure.type},
                    {"length", enclosure.length ? nlohmann::json(*enclosure.length) : nlohmann::json()}});
  }
  return list;
}

}  // namespace

const char* feed_kind_name(FeedKind kind) {
  switch (kind) {
    case FeedKind::kRss:
      return "rss";
    case FeedKind::kAtom:
      return "atom";
    case FeedKind::kRdf:
      return "rdf";
    case FeedKind::kJson:
      return "json";
  }
  return "rss";
}

std::string item_extra_json(const ParsedItem& item) {
  nlohmann::json extra = nlohmann::json::object();
  extra["categories"] = item.categories;
  if (!item.category_labels.empty()) extra["category_labels"] = item.category_labels;
  extra["enclosures"] = enclosures_json(item.enclosures);
  if (!item.media.empty()) extra["media"] = enclosures_json(item.media);
  nlohmann::json authors = nlohmann::json::array();
  for (const Person& person : item.authors) {
    nlohmann::json entry = nlohmann::json::object();
    if (!person.name.empty()) entry["name"] = person.name;
    if (!person.email.empty()) entry["email"] = person.email;
    if (!person.uri.empty()) entry["uri"] = person.uri;
    authors.push_back(std::move(entry));
  }
  extra["authors"] = std::move(authors);
  if (item.duration_seconds) {
    const double seconds = *item.duration_seconds;
    const auto whole = static_cast<std::int64_t>(seconds);
    extra["duration_seconds"] =
        static_cast<double>(whole) == seconds ? nlohmann::json(whole) : nlohmann::json(seconds);
  }
  if (item.image) extra["image"] = *item.image;
  if (item.explicit_content) extra["explicit"] = *item.explicit_content;
  // Feeds carry arbitrary bytes; replacing invalid UTF-8 keeps the column valid JSON text.
  return extra.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

domain::FeedItemInput to_feed_item_input(const ParsedItem& item) {
  domain::FeedItemInput input;
  input.guid = item.guid;
  input.link = item.link;
  input.title = item.title;
  input.summary = item.summary;
  input.content = item.content;
  input.author = item.author;
  input.published_at = item.published;
  input.entry_updated_at = item.updated;
  input.extra_json = item_extra_json(item);
  input.title_type = item.title_type;
  input.summary_type = item.summary_type;
  input.content_type = item.content_type;
  if (!item.fingerprint.empty()) input.source_fingerprint = item.fingerprint;
  return input;
}

}  // namespace pebble::parse
