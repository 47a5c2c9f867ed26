#pragma once
// Tag lists inside one attribute (Netscape TAGS, OPML category): comma-separated names, with `%`
// and `,` inside a name written as `%25` and `%2C` so that every tag name survives a round trip.
#include <string>
#include <string_view>
#include <vector>

namespace pebble::formats {

// Joins names with ',' after escaping `%` → `%25`, `,` → `%2C` and a leading `/` → `%2F`.
std::string join_tag_list(const std::vector<std::string>& names);

// Splits at ',' and trims each name; `%25`, `%2C` and `%2F` are decoded, empty names dropped.
// With `slash_paths` (OPML categories) a name written `/a/b` loses its outer slashes: `a/b`.
std::vector<std::string> split_tag_list(std::string_view text, bool slash_paths = false);

// Appends `name` to `tags` unless it is empty or already there.
void add_tag(std::vector<std::string>& tags, std::string name);

// `text` without leading and trailing ASCII whitespace.
std::string_view trim_whitespace(std::string_view text);

}  // namespace pebble::formats
