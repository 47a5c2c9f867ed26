#include "poll/cache_validators.h"

#include "support/dates.h"

namespace pebble::poll {

bool is_entity_tag(std::string_view value) {
  if (value.starts_with("W/")) value.remove_prefix(2);
  if (value.size() < 2 || value.front() != '"' || value.back() != '"') return false;
  for (const char c : value.substr(1, value.size() - 2)) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x21 || byte == '"' || byte == 0x7F) return false;
  }
  return true;
}

bool is_http_date(std::string_view value) {
  if (value.empty() || value.front() == ' ' || value.back() == ' ') return false;
  for (const char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte > 0x7E) return false;
  }
  return support::parse_feed_date(value).has_value();
}

std::optional<std::string> conforming_entity_tag(const std::optional<std::string>& value) {
  if (!value || !is_entity_tag(*value)) return std::nullopt;
  return value;
}

std::optional<std::string> conforming_http_date(const std::optional<std::string>& value) {
  if (!value || !is_http_date(*value)) return std::nullopt;
  return value;
}

}  // namespace pebble::poll
