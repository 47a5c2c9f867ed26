#include "parse/sanitize_items.h"

#include "html/sanitize.h"

namespace pebble::parse {

namespace {

// The value sanitized when it is HTML with markup in it; `own_base` wins over the document's.
void sanitize(std::optional<std::string>& value, TextType type, const std::string& own_base,
              const std::string& document_base) {
  if (!value || type != TextType::kHtml || !html::has_markup(*value)) return;
  *value = html::sanitize_html(*value, own_base.empty() ? document_base : own_base);
}

}  // namespace

void sanitize_items(ParsedFeed& feed) {
  sanitize(feed.title, feed.title_type, {}, feed.base_url);
  sanitize(feed.description, feed.description_type, {}, feed.base_url);
  for (ParsedItem& item : feed.items) {
    sanitize(item.title, item.title_type, item.title_base, feed.base_url);
    sanitize(item.summary, item.summary_type, item.summary_base, feed.base_url);
    sanitize(item.content, item.content_type, item.content_base, feed.base_url);
  }
}

}  // namespace pebble::parse
