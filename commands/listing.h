#pragma once
// How the read commands print what is stored: an aligned table on a terminal, one tab-separated
// line per row for scripts (stdout not a terminal), or one JSON object per line with --json.
#include <cstddef>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/logging.h"
#include "support/time.h"

namespace pebble::cli {

// The three output forms of a listing.
enum class ListFormat { kTable, kTabs, kJson };

// --json wins; otherwise a table on a terminal, tab-separated lines elsewhere.
ListFormat list_format(bool json, bool stdout_is_tty);

// One column of the table and tab-separated forms.
struct ListColumn {
  std::string header;         // shown in the table only (the tab form has no header line)
  bool numeric = false;       // right-aligned in the table
  std::size_t max_width = 0;  // table only: longer cells are cut with "…" (0: never)
};

// Prints rows in one of the forms. The table is printed by finish(), once every width is known;
// the other forms stream, so memory stays flat for a long listing.
class ListPrinter {
 public:
  ListPrinter(ListFormat format, std::vector<ListColumn> columns, std::ostream& out);

  // The form rows are printed in.
  ListFormat format() const { return format_; }
  // One row: `cells` (in column order) for the table and tab forms, `object` for JSON; only the
  // one the form needs is asked for.
  void add(const std::function<std::vector<std::string>()>& cells,
           const std::function<nlohmann::ordered_json()>& object);
  // Prints the table; nothing for the other forms. Throws Error when standard output failed.
  void finish();

 private:
  ListFormat format_;
  std::vector<ListColumn> columns_;
  std::ostream& out_;
  std::vector<std::vector<std::string>> rows_;
};

// A cell's text: control characters (a feed's title may carry terminal escapes) become spaces, so
// one row stays one line and a terminal prints text, never commands.
std::string cell_text(std::string_view text);

// A time as the table shows it ("2025-06-01 12:00", UTC) or, for scripts, RFC 3339 ("2025-06-01T12:00:00Z").
std::string time_cell(const std::optional<support::Timestamp>& time, ListFormat format);

// An RFC 3339 string, or null.
nlohmann::ordered_json time_json(const std::optional<support::Timestamp>& time);

// An optional text as JSON: the string, or null.
nlohmann::ordered_json text_json(const std::optional<std::string>& text);

// Tag names joined with ", " (table) or "," (tab form).
std::string tags_cell(const std::vector<std::string>& tags, ListFormat format);

// Writes one JSON value as one line.
void print_json_line(std::ostream& out, const nlohmann::ordered_json& value);

// Reports one object a command could not handle while it goes on with the others: the one-line
// error `pebble <command>: <message>` on stderr (an error record with --log-format json).
void report_problem(support::LogFormat format, const std::string& command, const std::string& message);

}  // namespace pebble::cli
