#pragma once
// HTML from feeds made safe to show as is (man pebble-poll-feeds, SANITIZING): parsed as HTML5 does
// (gumbo), only allow-listed elements and attributes kept (allow_list.h), every URL-bearing
// attribute resolved against the base of the item and dropped when unsafe (url_attributes.h), the
// style attribute filtered (css_filter.h), and printed back as markup that reads the same in HTML
// and XML parsers.
#include <string>
#include <string_view>

namespace pebble::html {

// Whether `text` holds markup at all; text without a '<' (entities included) is already what
// sanitize_html would make of it, which spares the parse for most titles and summaries.
bool has_markup(std::string_view text);

// `markup` (UTF-8, a fragment as in a <div>) sanitized, its relative references resolved against
// `base_url` (left relative when it is not absolute). Text is kept, comments go; markup nested
// deeper than nesting_guard.h allows keeps only its text. Never throws for any input.
std::string sanitize_html(std::string_view markup, std::string_view base_url);

}  // namespace pebble::html
