#pragma once
// Parsing of import's and export's option values (SPEC §4, §5): formats, the format implied by an
// output file name, `--duplicates` and `--since`.
#include <optional>
#include <string>
#include <string_view>

#include "domain/model.h"
#include "formats/bookmark_record.h"
#include "support/time.h"

namespace pebble::bookmarks {

// The format a file name implies: .html/.htm netscape, .json/.jsonld activitystreams, .opml/.xml
// opml, .md markdown (any case); anything else netscape.
formats::BookmarkFormat format_from_file_name(std::string_view path);

// The export format named by --format (netscape, activitystreams, opml, markdown, pinboard); nullopt
// otherwise.
std::optional<formats::BookmarkFormat> parse_export_format(std::string_view name);

// The import format named by --format (auto = kUnknown, netscape, activitystreams, opml, pinboard);
// nullopt otherwise.
std::optional<formats::BookmarkFormat> parse_import_format(std::string_view name);

// The policy named by --duplicates (skip, overwrite, merge); nullopt otherwise.
std::optional<domain::DuplicatePolicy> parse_duplicate_policy(std::string_view name);

// `--since WHEN` relative to `now`: a duration of whole units (90s, 30m, 12h, 7d, 2w, 6mo = 6x30
// days, 1y = 365 days) back from now, or an ISO-8601 date/time. Throws UsageError naming --since.
support::Timestamp parse_since(std::string_view text, support::Timestamp now);

}  // namespace pebble::bookmarks
