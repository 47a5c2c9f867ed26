// Netscape bookmark HTML export (SPEC §5): the web app's byte layout (REFERENCE §4.2) with its
// footer quirk fixed, plus FEED from feed_url and PRIVATE/TOREAD so that a round trip keeps them.
// Tag names are joined with join_tag_list, which escapes commas inside a name.
#include "formats/bookmark_writer.h"
#include "formats/tag_list.h"
#include "support/markup_escape.h"

namespace pebble::formats {

namespace {

class NetscapeWriter : public BookmarkWriter {
 public:
  explicit NetscapeWriter(std::ostream& out) : out_(out) {}

  void begin(const ExportHeader&) override {
    out_ << "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n"
            "    <!--This is an automatically generated file.\n"
            "    It will be read and overwritten.\n"
            "    Do Not Edit! -->\n"
            "    <META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=UTF-8\">\n"
            "    <Title>Bookmarks</Title>\n"
            "    <H1>Bookmarks</H1>\n"
            "    <DL><p>";
  }

  void write(const domain::Bookmark& bookmark) override {
    if (bookmark.url.empty()) return;
    std::string line = "\n        <DT><A HREF=\"" + support::escape_html(bookmark.url) + "\"";
    if (bookmark.created_at.micros != 0)
      line += " ADD_DATE=\"" + std::to_string(bookmark.created_at.seconds()) + "\"";
    if (bookmark.updated_at.micros != 0) {
      line += " LAST_MODIFIED=\"" + std::to_string(bookmark.updated_at.seconds()) + "\"";
    }
    if (!bookmark.unique_hash.empty()) line += " ID=\"" + support::escape_html(bookmark.unique_hash) + "\"";
    if (bookmark.feed_url && !bookmark.feed_url->empty())
      line += " FEED=\"" + support::escape_html(*bookmark.feed_url) + "\"";
    if (!bookmark.tags.empty())
      line += " TAGS=\"" + support::escape_html(join_tag_list(bookmark.tags)) + "\"";
    line += bookmark.is_private ? " PRIVATE=\"1\"" : " PRIVATE=\"0\"";
    line += bookmark.to_read ? " TOREAD=\"1\"" : " TOREAD=\"0\"";
    line += ">" + support::escape_html(bookmark.title.empty() ? "Untitled" : bookmark.title) + "</A>";
    if (bookmark.description && !bookmark.description->empty()) {
      line += "\n        <DD>" + support::escape_html(*bookmark.description);
    }
    out_ << line;
  }

  void finish() override { out_ << "\n    </DL><p>\n"; }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<BookmarkWriter> make_netscape_writer(std::ostream& out) {
  return std::make_unique<NetscapeWriter>(out);
}

std::unique_ptr<BookmarkWriter> make_bookmark_writer(BookmarkFormat format, std::ostream& out,
                                                     const WriterOptions& options) {
  switch (format) {
    case BookmarkFormat::kNetscape:
      return make_netscape_writer(out);
    case BookmarkFormat::kActivityStreams:
      return make_activitystreams_writer(out, options.pretty);
    case BookmarkFormat::kOpml:
      return make_opml_writer(out);
    case BookmarkFormat::kMarkdown:
      return make_markdown_writer(out);
    case BookmarkFormat::kPinboard:
      return make_pinboard_writer(out);
    case BookmarkFormat::kUnknown:
      break;
  }
  throw support::UsageError("cannot export bookmarks as " + std::string(format_name(format)) +
                            ": use netscape, activitystreams, opml, markdown or pinboard");
}

}  // namespace pebble::formats
