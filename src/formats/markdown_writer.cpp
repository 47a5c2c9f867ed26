// Markdown export (SPEC §5, layout of REFERENCE §4.5): `# YYYY-MM-DD` groups by UTC creation date
// in the order the bookmarks arrive (newest first), `- [title](url)`, the description as `  > `
// lines. Streaming: a group header is written whenever the date changes.
#include <cctype>

#include "formats/bookmark_writer.h"
#include "formats/tag_list.h"
#include "support/markup_escape.h"

namespace pebble::formats {

namespace {

// Backslash-escapes what Markdown would read as markup; line breaks become spaces. `& < >` become
// entity references, which every CommonMark renderer shows as the characters: a `<script>` in a
// title stays text instead of raw HTML. The XML text rules also drop the other control characters.
std::string escape_markdown(std::string_view text) {
  static constexpr std::string_view kSpecial = "\\[]()`*_#|!";
  std::string out;
  for (const char c : text) {
    if (kSpecial.find(c) != std::string_view::npos) out.push_back('\\');
    out.push_back(c == '\n' || c == '\r' ? ' ' : c);
  }
  return support::escape_xml_text(out);
}

// The URL as a Markdown link target: spaces, controls, parentheses and angle brackets
// percent-encoded (a CR or `)` would end the link); `\` and an `&` that starts an entity reference
// backslash-escaped, so a renderer neither reads escapes nor decodes entities in it and the link
// goes exactly where the URL says.
std::string link_target(std::string_view url) {
  static constexpr std::string_view kHex = "0123456789ABCDEF";
  const auto starts_reference = [url](std::size_t at) {
    std::size_t end = at + 1;
    while (end < url.size() && (std::isalnum(static_cast<unsigned char>(url[end])) != 0 || url[end] == '#'))
      ++end;
    return end > at + 1 && end < url.size() && url[end] == ';';
  };
  std::string out;
  for (std::size_t at = 0; at < url.size(); ++at) {
    const char c = url[at];
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F || c == '(' || c == ')' || c == '<' || c == '>') {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0F];
    } else if (c == '\\' || (c == '&' && starts_reference(at))) {
      out += '\\';
      out += c;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

class MarkdownWriter : public BookmarkWriter {
 public:
  explicit MarkdownWriter(std::ostream& out) : out_(out) {}

  void begin(const ExportHeader&) override {}

  void write(const domain::Bookmark& bookmark) override {
    if (bookmark.url.empty()) return;
    const std::string date = support::format_rfc3339(bookmark.created_at).substr(0, 10);
    if (count_ > 0) out_ << "\n";
    if (count_ == 0 || date != current_date_) {
      out_ << "# " << date << "\n\n";
      current_date_ = date;
    }
    out_ << "- [" << escape_markdown(bookmark.title.empty() ? "Untitled" : bookmark.title) << "]("
         << link_target(bookmark.url) << ")\n";
    const std::string_view description =
        bookmark.description ? trim_whitespace(*bookmark.description) : std::string_view();
    std::size_t start = 0;
    while (!description.empty() && start <= description.size()) {
      std::size_t end = description.find('\n', start);
      if (end == std::string_view::npos) end = description.size();
      const std::string_view line = trim_whitespace(description.substr(start, end - start));
      out_ << (line.empty() ? "  >" : "  > " + escape_markdown(line)) << "\n";
      start = end + 1;
    }
    ++count_;
  }

  void finish() override {
    if (count_ == 0) out_ << "<!-- No bookmarks found -->";
  }

 private:
  std::ostream& out_;
  std::size_t count_ = 0;
  std::string current_date_;
};

}  // namespace

std::unique_ptr<BookmarkWriter> make_markdown_writer(std::ostream& out) {
  return std::make_unique<MarkdownWriter>(out);
}

}  // namespace pebble::formats
