#include "parse/item_fingerprint.h"

#include "support/sha256.h"
#include "support/time.h"

namespace pebble::parse {

namespace {

// Each value as its length, a colon and its bytes, and an absent one as '-': no two items write
// the same bytes.
void append_text(std::string& out, std::string_view value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
}

void append_optional(std::string& out, const std::optional<std::string>& value) {
  if (value) {
    append_text(out, *value);
  } else {
    out += '-';
  }
}

void append_time(std::string& out, const std::optional<support::Timestamp>& value) {
  append_optional(out, value ? std::optional(support::format_iso_micros(*value)) : std::nullopt);
}

}  // namespace

std::string item_fingerprint(const ParsedItem& item, std::string_view document_base) {
  std::string bytes;
  bytes.reserve(256 + item.title.value_or("").size() + item.summary.value_or("").size() +
                item.content.value_or("").size());
  append_text(bytes, "pebble item, sanitizer " + std::to_string(kSanitizerRevision));
  append_text(bytes, item.guid);
  append_optional(bytes, item.link);
  append_optional(bytes, item.title);
  append_optional(bytes, item.summary);
  append_optional(bytes, item.content);
  append_text(bytes, text_type_name(item.title_type));
  append_text(bytes, text_type_name(item.summary_type));
  append_text(bytes, text_type_name(item.content_type));
  append_optional(bytes, item.author);
  append_time(bytes, item.published);
  append_time(bytes, item.updated);
  append_text(bytes, item_extra_json(item));  // categories, enclosures, media, authors, podcast
  append_text(bytes, item.base);
  append_text(bytes, item.title_base);
  append_text(bytes, item.summary_base);
  append_text(bytes, item.content_base);
  append_text(bytes, document_base);
  return support::sha256_hex(bytes);
}

void fingerprint_items(ParsedFeed& feed) {
  for (ParsedItem& item : feed.items) item.fingerprint = item_fingerprint(item, feed.base_url);
}

}  // namespace pebble::parse
