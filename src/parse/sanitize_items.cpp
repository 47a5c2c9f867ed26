#include "parse/sanitize_items.h"

#include <initializer_list>
#include <iterator>

#include "html/sanitize.h"

namespace pebble::parse {

namespace {

// The value sanitized when it is HTML with markup in it, against the first base that is set.
void sanitize(std::optional<std::string>& value, TextType type,
              std::initializer_list<const std::string*> bases) {
  if (!value || type != TextType::kHtml || !html::has_markup(*value)) return;
  const std::string* base = *std::prev(bases.end());
  for (const std::string* candidate : bases) {
    if (!candidate->empty()) {
      base = candidate;
      break;
    }
  }
  *value = html::sanitize_html(*value, *base);
}

}  // namespace

void sanitize_items(ParsedFeed& feed) {
  sanitize(feed.title, feed.title_type, {&feed.base_url});
  sanitize(feed.description, feed.description_type, {&feed.base_url});
  for (ParsedItem& item : feed.items) {
    sanitize(item.title, item.title_type, {&item.title_base, &item.base, &feed.base_url});
    sanitize(item.summary, item.summary_type, {&item.summary_base, &item.base, &feed.base_url});
    sanitize(item.content, item.content_type, {&item.content_base, &item.base, &feed.base_url});
  }
}

}  // namespace pebble::parse
