#pragma once
// Streaming writers of the export formats (SPEC §5): one bookmark at a time, memory independent of
// the number of bookmarks. Callers pass bookmarks newest first.
#include <memory>
#include <ostream>
#include <string>

#include "domain/model.h"
#include "formats/bookmark_record.h"

namespace pebble::formats {

// What a document's header names.
struct ExportHeader {
  std::string user_name;   // the owner, e.g. for OPML's title and ownerName
  support::Timestamp now;  // the export time
};

// Output choices that only some formats honour.
struct WriterOptions {
  bool pretty = false;  // indented JSON (activitystreams)
};

// Writes one document: begin, any number of write calls, finish.
class BookmarkWriter {
 public:
  virtual ~BookmarkWriter() = default;
  // Writes the document header.
  virtual void begin(const ExportHeader& header) = 0;
  // Writes one bookmark; bookmarks with an empty url are skipped.
  virtual void write(const domain::Bookmark& bookmark) = 0;
  // Writes the footer; the document is complete afterwards.
  virtual void finish() = 0;
};

// Netscape bookmark HTML, the web app's layout with `</DL><p>` on its own line.
std::unique_ptr<BookmarkWriter> make_netscape_writer(std::ostream& out);
// An ActivityStreams 2.0 Collection; `totalItems` follows the items array.
std::unique_ptr<BookmarkWriter> make_activitystreams_writer(std::ostream& out, bool pretty);
// OPML 2.0, one <outline> per bookmark.
std::unique_ptr<BookmarkWriter> make_opml_writer(std::ostream& out);
// Markdown grouped by UTC creation date, in the order given.
std::unique_ptr<BookmarkWriter> make_markdown_writer(std::ostream& out);
// Pinboard JSON, as `import --format pinboard` reads it (created_at to the second).
std::unique_ptr<BookmarkWriter> make_pinboard_writer(std::ostream& out);

// A writer of `format` (netscape, activitystreams, opml, markdown or pinboard) into `out`; throws
// UsageError for a format that cannot be written.
std::unique_ptr<BookmarkWriter> make_bookmark_writer(BookmarkFormat format, std::ostream& out,
                                                     const WriterOptions& options = {});

}  // namespace pebble::formats
