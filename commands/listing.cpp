#include "listing.h"

#include <cstdio>

#include "support/error.h"
#include "support/redact.h"

namespace pebble::cli {

namespace {

// Code points in UTF-8 text: what a terminal advances for most scripts.
std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (const char byte : text) {
    if ((static_cast<unsigned char>(byte) & 0xC0) != 0x80) ++width;
  }
  return width;
}

// The first `width` code points of `text`, the last one replaced by "…" when it was longer.
std::string cut_to_width(const std::string& text, std::size_t width) {
  if (width == 0 || display_width(text) <= width) return text;
  std::size_t kept = 0;
  std::size_t end = 0;
  while (end < text.size()) {
    if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80 && ++kept == width) break;
    ++end;
  }
  return text.substr(0, end) + "…";
}

}  // namespace

ListFormat list_format(bool json, bool stdout_is_tty) {
  if (json) return ListFormat::kJson;
  return stdout_is_tty ? ListFormat::kTable : ListFormat::kTabs;
}

ListPrinter::ListPrinter(ListFormat format, std::vector<ListColumn> columns, std::ostream& out)
    : format_(format), columns_(std::move(columns)), out_(out) {}

void ListPrinter::add(const std::function<std::vector<std::string>()>& row_cells,
                      const std::function<nlohmann::ordered_json()>& object) {
  if (format_ == ListFormat::kJson) {
    print_json_line(out_, object());
    return;
  }
  std::vector<std::string> cells = row_cells();
  switch (format_) {
    case ListFormat::kJson:
      return;
    case ListFormat::kTabs: {
      std::string line;
      for (std::size_t index = 0; index < cells.size(); ++index) {
        if (index > 0) line += '\t';
        line += cell_text(cells[index]);
      }
      out_ << line << '\n';
      return;
    }
    case ListFormat::kTable:
      for (std::size_t index = 0; index < cells.size() && index < columns_.size(); ++index)
        cells[index] = cut_to_width(cell_text(cells[index]), columns_[index].max_width);
      rows_.push_back(std::move(cells));
      return;
  }
}

void ListPrinter::finish() {
  if (format_ == ListFormat::kTable) {
    std::vector<std::size_t> widths;
    for (const ListColumn& column : columns_) widths.push_back(display_width(column.header));
    for (const auto& row : rows_) {
      for (std::size_t index = 0; index < row.size() && index < widths.size(); ++index)
        widths[index] = std::max(widths[index], display_width(row[index]));
    }
    const auto print_row = [&](const std::vector<std::string>& row) {
      std::string line;
      for (std::size_t index = 0; index < row.size() && index < widths.size(); ++index) {
        const std::string padding(widths[index] - display_width(row[index]), ' ');
        const bool last = index + 1 == row.size();
        if (index > 0) line += "  ";
        if (columns_[index].numeric) {
          line += padding + row[index];
        } else {
          line += row[index];
          if (!last) line += padding;
        }
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out_ << line << '\n';
    };
    std::vector<std::string> headers;
    for (const ListColumn& column : columns_) headers.push_back(column.header);
    print_row(headers);
    for (const auto& row : rows_) print_row(row);
  }
  out_.flush();
  if (!out_) throw support::Error("cannot write to standard output");
}

std::string cell_text(std::string_view text) {
  std::string cell(text);
  for (char& byte : cell) {
    const auto value = static_cast<unsigned char>(byte);
    if (value < 0x20 || value == 0x7f) byte = ' ';
  }
  return cell;
}

std::string time_cell(const std::optional<support::Timestamp>& time, ListFormat format) {
  if (!time) return {};
  const std::string text = support::format_rfc3339(*time);  // 2025-06-01T12:00:00Z
  if (format != ListFormat::kTable) return text;
  return text.substr(0, 10) + " " + text.substr(11, 5);
}

nlohmann::ordered_json time_json(const std::optional<support::Timestamp>& time) {
  return time ? nlohmann::ordered_json(support::format_rfc3339(*time)) : nlohmann::ordered_json();
}

nlohmann::ordered_json text_json(const std::optional<std::string>& text) {
  return text ? nlohmann::ordered_json(*text) : nlohmann::ordered_json();
}

std::string tags_cell(const std::vector<std::string>& tags, ListFormat format) {
  std::string joined;
  for (const std::string& tag : tags) {
    if (!joined.empty()) joined += format == ListFormat::kTable ? ", " : ",";
    joined += tag;
  }
  return joined;
}

void print_json_line(std::ostream& out, const nlohmann::ordered_json& value) {
  out << value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void report_problem(support::LogFormat format, const std::string& command, const std::string& message) {
  if (format == support::LogFormat::kJson) {
    support::log_event(support::LogLevel::kError, message, nlohmann::json::object());
    return;
  }
  const std::string line = "pebble " + command + ": " + support::redact_credentials(message) + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace pebble::cli
