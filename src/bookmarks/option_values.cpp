#include "bookmarks/option_values.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>

#include "support/ascii_text.h"
#include "support/error.h"

namespace pebble::bookmarks {

namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Seconds in one unit of a --since duration; 0 for an unknown unit.
std::int64_t unit_seconds(std::string_view unit) {
  constexpr std::int64_t kDay = 86400;
  if (unit == "s") return 1;
  if (unit == "m") return 60;
  if (unit == "h") return 3600;
  if (unit == "d") return kDay;
  if (unit == "w") return 7 * kDay;
  if (unit == "mo") return 30 * kDay;
  if (unit == "y") return 365 * kDay;
  return 0;
}

}  // namespace

formats::BookmarkFormat format_from_file_name(std::string_view path) {
  const std::string name = support::ascii_lower(path);
  if (ends_with(name, ".html") || ends_with(name, ".htm")) return formats::BookmarkFormat::kNetscape;
  if (ends_with(name, ".json") || ends_with(name, ".jsonld"))
    return formats::BookmarkFormat::kActivityStreams;
  if (ends_with(name, ".opml") || ends_with(name, ".xml")) return formats::BookmarkFormat::kOpml;
  if (ends_with(name, ".md")) return formats::BookmarkFormat::kMarkdown;
  return formats::BookmarkFormat::kNetscape;
}

std::optional<domain::DuplicatePolicy> parse_duplicate_policy(std::string_view name) {
  if (name == "skip") return domain::DuplicatePolicy::kSkip;
  if (name == "overwrite") return domain::DuplicatePolicy::kOverwrite;
  if (name == "merge") return domain::DuplicatePolicy::kMerge;
  return std::nullopt;
}

std::optional<formats::BookmarkFormat> parse_export_format(std::string_view name) {
  for (const auto format : {formats::BookmarkFormat::kNetscape, formats::BookmarkFormat::kActivityStreams,
                            formats::BookmarkFormat::kOpml, formats::BookmarkFormat::kMarkdown,
                            formats::BookmarkFormat::kPinboard}) {
    if (name == formats::format_name(format)) return format;
  }
  return std::nullopt;
}

std::optional<formats::BookmarkFormat> parse_import_format(std::string_view name) {
  if (name == "auto") return formats::BookmarkFormat::kUnknown;
  for (const auto format : {formats::BookmarkFormat::kNetscape, formats::BookmarkFormat::kActivityStreams,
                            formats::BookmarkFormat::kOpml, formats::BookmarkFormat::kPinboard}) {
    if (name == formats::format_name(format)) return format;
  }
  return std::nullopt;
}

support::Timestamp parse_since(std::string_view text, support::Timestamp now) {
  std::int64_t amount = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), amount);
  if (error == std::errc() && end != text.data() && amount >= 0) {
    const std::string_view unit = text.substr(static_cast<std::size_t>(end - text.data()));
    const std::int64_t seconds = unit_seconds(unit);
    constexpr std::int64_t kMaxSeconds = 1000LL * 365 * 86400;  // keeps the micros arithmetic in range
    if (seconds > 0 && amount <= kMaxSeconds / seconds) {
      return support::Timestamp{now.micros - amount * seconds * 1000000};
    }
  }
  if (const auto when = support::parse_iso8601(text)) return *when;
  throw support::UsageError(
      "--since: '" + std::string(text) +
      "' is neither a duration (90s, 30m, 12h, 7d, 2w, 6mo, 1y) nor an ISO-8601 date/time");
}

}  // namespace pebble::bookmarks
