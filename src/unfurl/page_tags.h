#pragma once
// The elements of a parsed page that its metadata is read from (<title>, <meta>, <link>, <base>),
// gathered in one walk over the document.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "html/html_document.h"

namespace pebble::unfurl {

// A <link> element that has an href, as written (rel and type lower-cased).
struct PageLink {
  std::string rel;   // a space-separated token list, e.g. "shortcut icon"
  std::string type;  // the media type without parameters, e.g. "application/rss+xml"
  std::string href;  // not yet resolved
  std::optional<std::string> title;
};

// What a page's head says, before any precedence or URL resolution is applied.
struct PageTags {
  std::optional<std::string> title;         // the text of the first <title>
  std::map<std::string, std::string> meta;  // lower-cased name or property → the first non-empty content
  std::optional<std::string> charset;       // <meta charset>, or the charset of http-equiv Content-Type
  std::optional<std::string> base_href;     // the first <base href>
  std::vector<PageLink> links;              // in document order
};

// Gathers the tags of `document`; elements inside SVG or MathML are not the page's.
PageTags collect_page_tags(const html::HtmlDocument& document);

// Whether the space-separated token list `tokens` holds `token` (ASCII case-insensitive).
bool has_token(const std::string& tokens, const std::string& token);

}  // namespace pebble::unfurl
