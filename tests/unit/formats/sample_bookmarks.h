#pragma once
// A fixed list of tricky bookmarks (newest first) for the writer golden files and round trips.
#include <vector>

#include "domain/model.h"
#include "domain/url.h"

namespace pebble::test {

// Unicode, quotes, ampersands, markup, newlines, tags with spaces/commas/percent, an empty title.
inline std::vector<domain::Bookmark> sample_bookmarks() {
  std::vector<domain::Bookmark> bookmarks(3);
  domain::Bookmark& first = bookmarks[0];
  first.url = "https://example.com/?a=1&b=2";
  first.title = "It's <b>bold</b> & \"quoted\"";
  first.description = "Line one\nLine two with [link](x) *stars* #hash | pipe \\ slash";
  first.tags = {"c++", "multi word", "comma,tag", "100%", "/slashed"};
  first.feed_url = "https://example.com/feed.xml?x=1&y=2";
  first.is_private = true;
  first.to_read = true;
  first.created_at = support::Timestamp::from_seconds(1709632800);         // 2024-03-05T10:00:00Z
  first.updated_at = support::Timestamp{1709636400 * 1000000LL + 500000};  // an hour later and a half second

  domain::Bookmark& second = bookmarks[1];
  second.url = "https://café.example/ünïcode path(1)";
  second.title = "Ünïcode — 日本語 😀\ttab";
  second.created_at = support::Timestamp::from_seconds(1709625600);  // 2024-03-05T08:00:00Z
  second.updated_at = second.created_at;

  domain::Bookmark& third = bookmarks[2];
  third.url = "https://empty-title.example/";
  third.description = "padded line\n\n  second paragraph 'single'";
  third.tags = {"solo"};
  third.created_at = support::Timestamp::from_seconds(1709510400);  // 2024-03-04T00:00:00Z
  third.updated_at = support::Timestamp::from_seconds(1709510401);
  for (domain::Bookmark& bookmark : bookmarks) bookmark.unique_hash = domain::url_unique_hash(bookmark.url);
  return bookmarks;
}

}  // namespace pebble::test
