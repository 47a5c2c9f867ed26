#pragma once
// What the bookmark format readers hand out: parsed items, per-item failures and progress, delivered
// one at a time to a sink so that memory does not grow with the file (SPEC §4).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/model.h"
#include "support/error.h"

namespace pebble::formats {

// The bookmark file formats pebble reads and writes.
enum class BookmarkFormat { kUnknown, kNetscape, kActivityStreams, kOpml, kPinboard, kMarkdown };

// The lower-case name used by --format (`netscape`, `activitystreams`, ...; `unknown`).
std::string_view format_name(BookmarkFormat format);

// A root-level problem (not a bookmark file, bad JSON root, truncated JSON): the whole read stops.
// The message starts with the position: "line 3, byte 120: ...".
class FormatError : public support::Error {
 public:
  explicit FormatError(const std::string& message) : support::Error(message) {}
};

// One bookmark read from a file. `bookmark.unique_hash` is filled from the url (SPEC §3).
struct ParsedBookmark {
  std::size_t index = 0;                 // 0-based position among the file's items
  domain::BookmarkInput bookmark;        // timestamps unset when the file has none
  std::vector<std::string> folder_path;  // Netscape/OPML folders, outermost first
};

// One item that could not be read; the rest of the file goes on.
struct ItemFailure {
  std::size_t index = 0;  // 0-based, the same numbering as ParsedBookmark::index
  std::string error;      // one line naming what is wrong
  std::string url;        // as far as it could be read, may be empty
  std::string title;      // as far as it could be read, may be empty
};

// A feed subscription read from an OPML outline with an xmlUrl: restored as a feeds row.
struct FeedSubscription {
  std::size_t index = 0;  // the outline's item number (shared with its bookmark, if it makes one)
  std::string url;        // xmlUrl
  std::optional<std::string> title;
  std::optional<std::string> site_url;  // htmlUrl
  std::vector<std::string> tags;        // category entries and the folders it sits in
  bool disabled = false;                // pebble's own attributes (opml_subscriptions.h)
  std::optional<std::string> disabled_reason;
};

// Receives the reader's output in file order.
class BookmarkSink {
 public:
  virtual ~BookmarkSink() = default;
  // A successfully parsed item.
  virtual void on_bookmark(ParsedBookmark bookmark) = 0;
  // A feed subscription (OPML); sinks that only want bookmarks ignore it.
  virtual void on_subscription(FeedSubscription subscription) { (void)subscription; }
  // An item that was skipped, with the reason.
  virtual void on_failure(ItemFailure failure) = 0;
  // Input bytes consumed so far (monotonic; called at least once per chunk or item).
  virtual void on_progress(std::uint64_t bytes_consumed) { (void)bytes_consumed; }
};

// How readers interpret and bound their input.
struct ReaderOptions {
  bool folder_tags = false;                // Netscape <H3>/OPML folder names become tags
  std::size_t max_token_bytes = 4u << 20;  // longest tag, text field or JSON string accepted
  std::size_t max_item_bytes = 16u << 20;  // largest single JSON item accepted
  std::size_t chunk_bytes = 64u << 10;     // read size from the stream
};

}  // namespace pebble::formats
