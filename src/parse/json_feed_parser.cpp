#include "parse/json_feed_parser.h"

#include <nlohmann/json.hpp>

#include "domain/url_resolve.h"
#include "parse/newest_items.h"
#include "support/dates.h"

namespace pebble::parse {

namespace {

using nlohmann::json;

// A string member, trimmed of nothing: JSON Feed values are taken as written; numbers (some
// feeds write numeric ids) become their decimal text.
std::optional<std::string> string_member(const json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end()) return std::nullopt;
  if (found->is_string()) {
    std::string value = found->get<std::string>();
    if (value.empty()) return std::nullopt;
    return value;
  }
  if (found->is_number_integer() || found->is_number_unsigned()) return found->dump();
  return std::nullopt;
}

std::optional<std::string> url_member(const json& object, const char* key, const std::string& feed_url) {
  const auto value = string_member(object, key);
  if (!value) return std::nullopt;
  return domain::resolve_url(feed_url, *value);
}

std::optional<support::Timestamp> date_member(const json& object, const char* key) {
  const auto value = string_member(object, key);
  return value ? support::parse_feed_date(*value) : std::nullopt;
}

Person read_person(const json& object) {
  Person person;
  person.name = string_member(object, "name").value_or("");
  person.uri = string_member(object, "url").value_or("");
  return person;
}

// JSON Feed 1.1 `authors`, else 1.0's single `author`.
std::vector<Person> read_people(const json& object) {
  std::vector<Person> people;
  if (const auto authors = object.find("authors"); authors != object.end() && authors->is_array()) {
    for (const json& author : *authors) {
      if (author.is_object()) people.push_back(read_person(author));
    }
  }
  if (const auto author = object.find("author");
      people.empty() && author != object.end() && author->is_object()) {
    people.push_back(read_person(*author));
  }
  return people;
}

ParsedItem read_item(const json& object, const std::string& feed_url,
                     const std::vector<Person>& feed_authors) {
  ParsedItem item;
  item.guid = string_member(object, "id").value_or("");
  item.link = url_member(object, "url", feed_url);
  if (!item.link) item.link = url_member(object, "external_url", feed_url);
  item.title = string_member(object, "title");
  item.title_type = TextType::kText;  // JSON Feed titles and summaries are plain text
  item.summary = string_member(object, "summary");
  item.summary_type = TextType::kText;
  item.content = string_member(object, "content_html");
  item.content_type = TextType::kHtml;
  if (!item.content || item.content->empty()) {
    item.content = string_member(object, "content_text");
    item.content_type = TextType::kText;
  }
  item.published = date_member(object, "date_published");
  item.updated = date_member(object, "date_modified");
  item.authors = read_people(object);
  if (item.authors.empty()) item.authors = feed_authors;  // 1.1: items inherit the feed's authors
  if (const auto tags = object.find("tags"); tags != object.end() && tags->is_array()) {
    for (const json& tag : *tags) {
      if (tag.is_string() && !tag.get<std::string>().empty())
        item.categories.push_back(tag.get<std::string>());
    }
  }
  if (const auto attachments = object.find("attachments");
      attachments != object.end() && attachments->is_array()) {
    for (const json& attachment : *attachments) {
      if (!attachment.is_object()) continue;
      Enclosure enclosure;
      enclosure.url = url_member(attachment, "url", feed_url).value_or("");
      enclosure.type = string_member(attachment, "mime_type").value_or("");
      if (const auto size = attachment.find("size_in_bytes"); size != attachment.end() && size->is_number()) {
        const double bytes = size->get<double>();
        if (bytes >= 0 && bytes < 9e18) enclosure.length = static_cast<std::int64_t>(bytes);
      }
      if (!enclosure.url.empty()) item.enclosures.push_back(std::move(enclosure));
    }
  }
  return item;
}

}  // namespace

ParsedFeed parse_json_feed(std::string_view text, const std::string& feed_url, std::size_t max_items) {
  json document;
  try {
    document = json::parse(text);
  } catch (const json::parse_error& error) {
    throw FeedParseError("malformed JSON at byte " + std::to_string(error.byte));
  } catch (const json::out_of_range&) {
    // nlohmann reports a number beyond a double (1e400) as out_of_range, not as a parse error.
    throw FeedParseError("malformed JSON: a number is out of range");
  }
  if (!document.is_object()) throw FeedParseError("not a feed: JSON document is not an object");
  // The spec's version is a jsonfeed.org URL, but feeds also write "1.0"; either, or an items
  // array, is enough to read the document as a JSON Feed.
  const auto items_member = document.find("items");
  if (!string_member(document, "version") && (items_member == document.end() || !items_member->is_array())) {
    throw FeedParseError("not a feed: JSON object without a JSON Feed version or items");
  }
  ParsedFeed feed;
  feed.kind = FeedKind::kJson;
  feed.max_items = max_items;
  feed.title = string_member(document, "title");
  feed.link = url_member(document, "home_page_url", feed_url);
  feed.description = string_member(document, "description");
  feed.description_type = TextType::kText;  // JSON Feed's description is plain text
  const std::vector<Person> authors = read_people(document);
  if (const auto items = document.find("items"); items != document.end() && items->is_array()) {
    for (const json& item : *items) {
      if (item.is_object()) append_item(feed, read_item(item, feed_url, authors));
    }
  }
  return feed;
}

}  // namespace pebble::parse
