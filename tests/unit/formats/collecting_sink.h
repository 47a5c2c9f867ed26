#pragma once
// A BookmarkSink that keeps everything, and helpers that run a reader over a string or file.
#include <functional>
#include <istream>
#include <sstream>
#include <string>
#include <vector>

#include "formats/bookmark_readers.h"

namespace pebble::test {

// Everything one reader delivered, in order.
struct CollectingSink : formats::BookmarkSink {
  std::vector<formats::ParsedBookmark> bookmarks;
  std::vector<formats::ItemFailure> failures;
  std::vector<std::uint64_t> progress;
  void on_bookmark(formats::ParsedBookmark bookmark) override { bookmarks.push_back(std::move(bookmark)); }
  void on_failure(formats::ItemFailure failure) override { failures.push_back(std::move(failure)); }
  void on_progress(std::uint64_t bytes) override { progress.push_back(bytes); }
};

// A reader's signature.
using Reader = std::function<void(std::istream&, const formats::ReaderOptions&, formats::BookmarkSink&)>;

// Runs `reader` over `text`.
inline CollectingSink read_text(const Reader& reader, const std::string& text,
                                const formats::ReaderOptions& options = {}) {
  std::istringstream in(text);
  CollectingSink sink;
  reader(in, options, sink);
  return sink;
}

}  // namespace pebble::test
