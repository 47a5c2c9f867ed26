#pragma once
// Reading an HTML page's metadata from its bytes: the character set (HTTP header, byte-order mark,
// the page's own <meta charset>), the part of the page that holds the metadata, the HTML5 parse
// (gumbo, through html/) and the precedence rules (metadata_rules.h).
#include <cstddef>
#include <string>
#include <string_view>

#include "domain/page_metadata.h"

namespace pebble::unfurl {

// How much of a page is parsed for its metadata: the bytes before its <body> start tag, at most
// this many. A page's metadata lives in its head; parsing a 10 MiB body would cost time and a
// tree of hundreds of megabytes for nothing.
inline constexpr std::size_t kHeadWindowBytes = 2 * 1024 * 1024;

// The metadata of the HTML page `body` served with `content_type` ("" when none) from `page_url`.
// The character set comes from a byte-order mark, else the header's charset, else the page's
// <meta charset> or http-equiv Content-Type, else windows-1252 when the bytes are not UTF-8; bytes
// labelled UTF-8 that hold no UTF-8 sequence but do hold other high bytes are read as windows-1252
// too (a Latin-1 page served as UTF-8). Never throws for anything a server sends.
domain::PageMetadata read_html_metadata(std::string_view body, std::string_view content_type,
                                        const std::string& page_url);

// The text of an HTML fragment without its markup, as one line (a feed's HTML description).
std::string html_fragment_text(std::string_view markup);

}  // namespace pebble::unfurl
