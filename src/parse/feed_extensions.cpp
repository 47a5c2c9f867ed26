#include "parse/feed_extensions.h"

#include <cctype>
#include <charconv>

#include "support/ascii_text.h"
#include "support/base64.h"

namespace pebble::parse {

using feed_xml::Namespace;

Person read_atom_person(const tinyxml2::XMLElement& element, const std::string& feed_url) {
  Person person;
  for (const tinyxml2::XMLElement* child = element.FirstChildElement(); child != nullptr;
       child = child->NextSiblingElement()) {
    const std::string_view name = feed_xml::local_name(*child);
    if (name == "name") {
      person.name = feed_xml::text_of(*child);
    } else if (name == "email") {
      person.email = feed_xml::text_of(*child);
    } else if (name == "uri" || name == "url") {
      person.uri = feed_xml::resolve_at(*child, feed_url, feed_xml::text_of(*child));
    }
  }
  if (person.name.empty() && person.email.empty() && element.FirstChildElement() == nullptr) {
    person.name = feed_xml::text_of(element);  // <atom:author>Jane</atom:author> in RSS
  }
  return person;
}

AtomLink read_atom_link(const tinyxml2::XMLElement& element, const std::string& feed_url) {
  AtomLink link;
  std::string href = feed_xml::attribute_of(element, "href");
  if (href.empty() && element.FindAttribute("href") == nullptr) href = feed_xml::text_of(element);
  link.href = feed_xml::resolve_at(element, feed_url, href);
  link.rel = feed_xml::attribute_of(element, "rel");
  if (link.rel.empty()) link.rel = "alternate";
  link.type = feed_xml::attribute_of(element, "type");
  link.length = parse_length(feed_xml::attribute_of(element, "length"));
  return link;
}

void collect_media(const tinyxml2::XMLElement& element, const std::string& feed_url,
                   std::vector<Enclosure>& media) {
  const std::string_view name = feed_xml::local_name(element);
  if (name == "group") {
    for (const tinyxml2::XMLElement* child = element.FirstChildElement(); child != nullptr;
         child = child->NextSiblingElement()) {
      if (feed_xml::namespace_of(*child) == Namespace::kMedia) collect_media(*child, feed_url, media);
    }
    return;
  }
  if (name != "content" && name != "thumbnail") return;
  const std::string url = feed_xml::attribute_of(element, "url");
  if (url.empty()) return;
  Enclosure item;
  item.url = feed_xml::resolve_at(element, feed_url, url);
  item.type = feed_xml::attribute_of(element, "type");
  if (item.type.empty())
    item.type = name == "thumbnail" ? "image" : feed_xml::attribute_of(element, "medium");
  item.length = parse_length(feed_xml::attribute_of(element, "fileSize"));
  media.push_back(std::move(item));
}

void read_atom_category(const tinyxml2::XMLElement& element, std::vector<std::string>& terms,
                        std::map<std::string, std::string>& labels) {
  std::string term = feed_xml::attribute_of(element, "term");
  std::string label = feed_xml::attribute_of(element, "label");
  if (term.empty()) term = feed_xml::text_of(element);
  if (term.empty()) term = label;  // a label alone still names the category
  if (term.empty()) return;
  if (!label.empty() && label != term) labels.emplace(term, std::move(label));
  terms.push_back(std::move(term));
}

std::optional<double> parse_duration(std::string_view text) {
  text = feed_xml::trimmed_view(text);
  if (text.empty()) return std::nullopt;
  double total = 0;
  int parts = 0;
  while (true) {
    const std::size_t colon = text.find(':');
    const std::string_view part = text.substr(0, colon);
    const bool last = colon == std::string_view::npos;
    if (part.empty() || ++parts > 3) return std::nullopt;
    double value = 0;
    // Only the last part (seconds) may have a fraction.
    if (!last && part.find('.') != std::string_view::npos) return std::nullopt;
    const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (error != std::errc() || end != part.data() + part.size() || value < 0) return std::nullopt;
    total = total * 60 + value;
    if (last) break;
    text.remove_prefix(colon + 1);
  }
  return total;
}

std::optional<bool> parse_explicit(std::string_view text) {
  const std::string value = support::ascii_lower(feed_xml::trimmed_view(text));
  if (value == "yes" || value == "true" || value == "explicit") return true;
  if (value == "no" || value == "false" || value == "clean") return false;
  return std::nullopt;
}

std::optional<std::string> decode_base64_text(std::string_view text) {
  std::string compact;
  compact.reserve(text.size());
  for (const char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') compact += c;
  }
  while (compact.size() % 4 != 0) compact += '=';
  return support::decode_base64(compact);
}

std::optional<std::int64_t> parse_length(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  for (const char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::vector<std::string> split_keywords(std::string_view text) {
  std::vector<std::string> keywords;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    const std::size_t end = comma == std::string_view::npos ? text.size() : comma;
    std::string keyword = feed_xml::trim(text.substr(start, end - start));
    if (!keyword.empty()) keywords.push_back(std::move(keyword));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return keywords;
}

}  // namespace pebble::parse
