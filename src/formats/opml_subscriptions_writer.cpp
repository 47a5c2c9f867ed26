#include <map>

#include "formats/opml_subscriptions.h"
#include "formats/tag_list.h"
#include "support/dates.h"
#include "support/markup_escape.h"

namespace pebble::formats {

namespace {

std::string attribute(std::string_view text) {
  return support::escape_xml_attribute(text);
}

std::string outline(const FeedSubscription& feed) {
  // text is required; a feed without a title shows its URL there and says title="".
  std::string line = "<outline type=\"rss\" text=\"" + attribute(feed.title.value_or(feed.url)) +
                     "\" title=\"" + attribute(feed.title.value_or("")) + "\" xmlUrl=\"" +
                     attribute(feed.url) + "\"";
  if (feed.site_url) line += " htmlUrl=\"" + attribute(*feed.site_url) + "\"";
  if (!feed.tags.empty()) line += " category=\"" + attribute(join_tag_list(feed.tags)) + "\"";
  if (feed.disabled) {
    line += " pebble:disabled=\"true\"";
    if (feed.disabled_reason) line += " pebble:disabledReason=\"" + attribute(*feed.disabled_reason) + "\"";
  }
  return line + "/>";
}

}  // namespace

void write_subscriptions_opml(std::ostream& out, const ExportHeader& header,
                              const std::vector<FeedSubscription>& subscriptions) {
  const std::string now = support::format_rfc822(header.now);
  out << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<opml version=\"2.0\" xmlns:pebble=\""
      << kPebbleOpmlNamespace << "\">\n<head><title>pebble subscriptions</title><dateCreated>" << now
      << "</dateCreated><docs>http://opml.org/spec2.opml</docs></head>\n<body>\n";
  std::map<std::string, std::vector<const FeedSubscription*>> folders;
  for (const FeedSubscription& feed : subscriptions) {
    if (feed.tags.empty()) {
      out << outline(feed) << "\n";
    } else {
      folders[feed.tags.front()].push_back(&feed);
    }
  }
  for (const auto& [folder, feeds] : folders) {
    out << "<outline text=\"" << attribute(folder) << "\" title=\"" << attribute(folder) << "\">\n";
    for (const FeedSubscription* feed : feeds) out << "  " << outline(*feed) << "\n";
    out << "</outline>\n";
  }
  out << "</body>\n</opml>\n";
}

}  // namespace pebble::formats
