// Format sniffing and the one entry point that picks a reader.
#include <cctype>
#include <streambuf>

#include "formats/bookmark_readers.h"
#include "support/ascii_text.h"

namespace pebble::formats {

namespace {

constexpr std::size_t kSniffBytes = 4096;

bool contains_ignoring_case(std::string_view text, std::string_view needle) {
  for (std::size_t i = 0; i + needle.size() <= text.size(); ++i) {
    if (support::starts_with_ignoring_ascii_case(text.substr(i), needle)) return true;
  }
  return false;
}

std::string_view skip_space(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  return text;
}

// `<DL>` or `<DT>` as a tag (followed by '>' or whitespace), anywhere in `text`.
bool has_list_tag(std::string_view text) {
  for (std::string_view tag : {"<dl", "<dt"}) {
    for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
      if (!support::starts_with_ignoring_ascii_case(text.substr(i), tag)) continue;
      const char after = i + 3 < text.size() ? text[i + 3] : '>';
      if (after == '>' || std::isspace(static_cast<unsigned char>(after))) return true;
    }
  }
  return false;
}

// Serves `prefix` and then the rest of `source`: lets read_bookmarks look at the first bytes of a
// stream that cannot seek (stdin).
class PrefixedBuffer : public std::streambuf {
 public:
  PrefixedBuffer(std::string prefix, std::istream& source) : prefix_(std::move(prefix)), source_(source) {
    setg(prefix_.data(), prefix_.data(), prefix_.data() + prefix_.size());
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    chunk_.resize(kSniffBytes * 16);
    source_.read(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
    const auto got = static_cast<std::size_t>(source_.gcount());
    if (got == 0) return traits_type::eof();
    setg(chunk_.data(), chunk_.data(), chunk_.data() + got);
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::string prefix_;
  std::istream& source_;
  std::string chunk_;
};

}  // namespace

std::string_view format_name(BookmarkFormat format) {
  switch (format) {
    case BookmarkFormat::kNetscape:
      return "netscape";
    case BookmarkFormat::kActivityStreams:
      return "activitystreams";
    case BookmarkFormat::kOpml:
      return "opml";
    case BookmarkFormat::kPinboard:
      return "pinboard";
    case BookmarkFormat::kMarkdown:
      return "markdown";
    case BookmarkFormat::kUnknown:
      break;
  }
  return "unknown";
}

BookmarkFormat detect_format(std::string_view first_bytes) {
  std::string_view text = first_bytes;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  text = skip_space(text);
  if (text.empty()) return BookmarkFormat::kUnknown;
  if (text.front() == '<') {
    if (support::starts_with_ignoring_ascii_case(text, "<!DOCTYPE NETSCAPE-Bookmark-file-1"))
      return BookmarkFormat::kNetscape;
    std::string_view rest = text;
    while (true) {  // an XML declaration and comments may come before <opml>
      const bool declaration = support::starts_with_ignoring_ascii_case(rest, "<?");
      const bool comment = support::starts_with_ignoring_ascii_case(rest, "<!--");
      if (!declaration && !comment) break;
      const std::size_t end = rest.find(declaration ? "?>" : "-->");
      if (end == std::string_view::npos) break;
      rest = skip_space(rest.substr(end + (declaration ? 2 : 3)));
    }
    if (support::starts_with_ignoring_ascii_case(rest, "<opml")) return BookmarkFormat::kOpml;
    if (has_list_tag(text)) return BookmarkFormat::kNetscape;
    return BookmarkFormat::kUnknown;
  }
  if (text.front() == '{') {
    for (std::string_view key : {"\"@context\"", "\"type\"", "\"items\""}) {
      if (text.find(key) != std::string_view::npos) return BookmarkFormat::kActivityStreams;
    }
    return BookmarkFormat::kUnknown;
  }
  if (text.front() == '[') {
    const std::string_view inner = skip_space(text.substr(1));
    if (!inner.empty() && inner.front() == '{' && contains_ignoring_case(inner, "\"href\"")) {
      return BookmarkFormat::kPinboard;
    }
  }
  return BookmarkFormat::kUnknown;
}

void read_bookmarks(std::istream& in, BookmarkFormat format, const ReaderOptions& options,
                    BookmarkSink& sink) {
  std::string prefix(kSniffBytes, '\0');
  in.read(prefix.data(), static_cast<std::streamsize>(prefix.size()));
  prefix.resize(static_cast<std::size_t>(in.gcount()));
  if (format == BookmarkFormat::kUnknown) format = detect_format(prefix);
  PrefixedBuffer buffer(std::move(prefix), in);
  std::istream whole(&buffer);
  switch (format) {
    case BookmarkFormat::kNetscape:
      return read_netscape(whole, options, sink);
    case BookmarkFormat::kActivityStreams:
      return read_activitystreams(whole, options, sink);
    case BookmarkFormat::kOpml:
      return read_opml(whole, options, sink);
    case BookmarkFormat::kPinboard:
      return read_pinboard(whole, options, sink);
    case BookmarkFormat::kMarkdown:
    case BookmarkFormat::kUnknown:
      break;
  }
  throw FormatError(
      "line 1, byte 0: not a bookmark file: expected <!DOCTYPE NETSCAPE-Bookmark-file-1>, <opml> or JSON");
}

}  // namespace pebble::formats
