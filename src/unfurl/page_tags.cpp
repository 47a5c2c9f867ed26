#include "unfurl/page_tags.h"

#include "parse/charset.h"
#include "support/ascii_text.h"

namespace pebble::unfurl {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return std::string(text);
}

void read_meta(const html::HtmlElement& element, PageTags& tags) {
  if (const auto charset = element.attribute("charset"); charset && !tags.charset) {
    const std::string label = support::ascii_lower(trimmed(*charset));
    if (!label.empty()) tags.charset = label;
  }
  const auto content = element.attribute("content");
  if (!content) return;
  const auto equiv = element.attribute("http-equiv");
  if (equiv && support::equals_ignoring_ascii_case(trimmed(*equiv), "content-type") && !tags.charset) {
    const std::string label = parse::charset_from_content_type(*content);
    if (!label.empty()) tags.charset = label;
  }
  if (trimmed(*content).empty()) return;
  // Open Graph writes property=, Twitter cards name=; pages mix them up, so both count for both.
  for (const char* key_attribute : {"property", "name"}) {
    if (const auto key = element.attribute(key_attribute)) {
      tags.meta.emplace(support::ascii_lower(trimmed(*key)), *content);  // the first one wins
    }
  }
}

void read_link(const html::HtmlElement& element, PageTags& tags) {
  const auto href = element.attribute("href");
  if (!href || trimmed(*href).empty()) return;
  PageLink link;
  link.rel = support::ascii_lower(element.attribute("rel").value_or(""));
  const std::string type = support::ascii_lower(element.attribute("type").value_or(""));
  link.type = trimmed(std::string_view(type).substr(0, type.find(';')));
  link.href = trimmed(*href);
  link.title = element.attribute("title");
  tags.links.push_back(std::move(link));
}

}  // namespace

bool has_token(const std::string& tokens, const std::string& token) {
  std::size_t start = 0;
  while (start < tokens.size()) {
    while (start < tokens.size() && is_space(tokens[start])) ++start;
    std::size_t end = start;
    while (end < tokens.size() && !is_space(tokens[end])) ++end;
    if (end > start &&
        support::equals_ignoring_ascii_case(std::string_view(tokens).substr(start, end - start), token))
      return true;
    start = end;
  }
  return false;
}

PageTags collect_page_tags(const html::HtmlDocument& document) {
  PageTags tags;
  document.for_each_element([&](const html::HtmlElement& element) {
    if (element.space() != "html") return;
    const std::string name = element.name();
    if (name == "meta") {
      read_meta(element, tags);
    } else if (name == "link") {
      read_link(element, tags);
    } else if (name == "title" && !tags.title) {
      tags.title = element.text();
    } else if (name == "base" && !tags.base_href) {
      if (const auto href = element.attribute("href")) tags.base_href = trimmed(*href);
    }
  });
  return tags;
}

}  // namespace pebble::unfurl
