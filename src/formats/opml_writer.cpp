// OPML 2.0 export (SPEC §5): the web app's layout (REFERENCE §4.3) with real UTC header dates and
// xmlUrl from feed_url. Extensions so that a round trip keeps everything: `title=""` when the title
// is empty (text then says "Untitled"), `updated`, and `private`/`toRead` when true.
#include "formats/bookmark_writer.h"
#include "formats/tag_list.h"
#include "support/dates.h"
#include "support/markup_escape.h"

namespace pebble::formats {

namespace {

class OpmlWriter : public BookmarkWriter {
 public:
  explicit OpmlWriter(std::ostream& out) : out_(out) {}

  void begin(const ExportHeader& header) override {
    const std::string title = header.user_name.empty() ? "Pebbling Club Bookmarks"
                                                       : header.user_name + "'s Pebbling Club Bookmarks";
    const std::string owner = header.user_name.empty() ? "Pebbling Club User" : header.user_name;
    const std::string now = support::format_rfc822(header.now);
    out_ << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<opml version=\"2.0\"><head><title>"
         << support::escape_xml_text(title) << "</title><dateCreated>" << now
         << "</dateCreated><dateModified>" << now << "</dateModified><ownerName>"
         << support::escape_xml_text(owner)
         << "</ownerName><docs>http://opml.org/spec2.opml</docs></head><body>";
  }

  void write(const domain::Bookmark& bookmark) override {
    if (bookmark.url.empty()) return;
    const bool has_feed = bookmark.feed_url && !bookmark.feed_url->empty();
    std::string line =
        "<outline text=\"" + attribute(bookmark.title.empty() ? "Untitled" : bookmark.title) + "\"";
    if (bookmark.title.empty()) line += " title=\"\"";
    line += has_feed ? " type=\"rss\"" : " type=\"link\"";
    line += " url=\"" + attribute(bookmark.url) + "\" htmlUrl=\"" + attribute(bookmark.url) + "\"";
    if (has_feed) line += " xmlUrl=\"" + attribute(*bookmark.feed_url) + "\"";
    line += " created=\"" + support::format_rfc822(bookmark.created_at) + "\"";
    line += " updated=\"" + support::format_rfc822(bookmark.updated_at) + "\"";
    if (bookmark.description && !bookmark.description->empty())
      line += " _note=\"" + attribute(*bookmark.description) + "\"";
    if (!bookmark.tags.empty()) line += " category=\"" + attribute(join_tag_list(bookmark.tags)) + "\"";
    if (bookmark.is_private) line += " private=\"true\"";
    if (bookmark.to_read) line += " toRead=\"true\"";
    out_ << line << "></outline>";
  }

  void finish() override { out_ << "</body></opml>\n"; }

 private:
  static std::string attribute(std::string_view text) { return support::escape_xml_attribute(text); }

  std::ostream& out_;
};

}  // namespace

std::unique_ptr<BookmarkWriter> make_opml_writer(std::ostream& out) {
  return std::make_unique<OpmlWriter>(out);
}

}  // namespace pebble::formats
