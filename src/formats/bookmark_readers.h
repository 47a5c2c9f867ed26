#pragma once
// Streaming readers of the import formats (SPEC §4). Every reader repairs invalid UTF-8 to U+FFFD,
// delivers items to the sink as it goes and throws FormatError for root-level problems.
#include <istream>
#include <string_view>

#include "formats/bookmark_record.h"

namespace pebble::formats {

// The format of a file judged from its first bytes (BOM and leading whitespace skipped).
BookmarkFormat detect_format(std::string_view first_bytes);

// Netscape bookmark HTML, tokenized in chunks. A truncated file delivers what was read; an item cut
// off inside its tag or title becomes an ItemFailure. Throws when the input is not Netscape HTML.
void read_netscape(std::istream& in, const ReaderOptions& options, BookmarkSink& sink);

// ActivityStreams 2.0 JSON (SAX). Root problems throw before any item reaches the sink; when
// `@context`/`type` come after `items`, the items are held until the root closes. Truncated or
// malformed JSON throws after the items read so far were delivered.
void read_activitystreams(std::istream& in, const ReaderOptions& options, BookmarkSink& sink);

// Pinboard JSON: an array of {href, description, extended, tags, time, shared, toread} (SAX).
void read_pinboard(std::istream& in, const ReaderOptions& options, BookmarkSink& sink);

// OPML 1.0/2.0, parsed as a whole document (OPML files are small; capped at 64 MiB): nothing
// reaches the sink when the XML is malformed or truncated.
void read_opml(std::istream& in, const ReaderOptions& options, BookmarkSink& sink);

// Reads `in` in `format`, or sniffs the format from the first 4 KiB when it is kUnknown; throws
// FormatError "line 1, byte 0: not a bookmark file: ..." when nothing matches.
void read_bookmarks(std::istream& in, BookmarkFormat format, const ReaderOptions& options,
                    BookmarkSink& sink);

}  // namespace pebble::formats
