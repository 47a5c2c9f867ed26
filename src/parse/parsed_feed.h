#pragma once
// What parse_feed produces: one feed's metadata and entries, independent of the source format.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/model.h"
#include "support/error.h"
#include "support/time.h"

namespace pebble::parse {

// The source format a feed was parsed from.
enum class FeedKind { kRss, kAtom, kRdf, kJson };

// "rss", "atom", "rdf" or "json".
const char* feed_kind_name(FeedKind kind);

// A feed body that cannot be read as a feed; the message is one line saying why.
class FeedParseError : public support::Error {
 public:
  explicit FeedParseError(const std::string& message) : support::Error(message) {}
};

// An author or contributor; any part may be empty.
struct Person {
  std::string name;
  std::string email;
  std::string uri;
  auto operator<=>(const Person&) const = default;
};

// An attached file (RSS enclosure, Atom rel="enclosure" link, JSON Feed attachment, media:content).
struct Enclosure {
  std::string url;
  std::string type;
  std::optional<std::int64_t> length;  // bytes, when the feed says
  auto operator<=>(const Enclosure&) const = default;
};

// Plain text or HTML (domain/text_type.h), the type of every item text.
using domain::text_type_name;
using domain::TextType;

// One entry of a feed; strings are UTF-8, links are absolute when the feed allowed resolving them.
struct ParsedItem {
  std::string guid;  // never empty: guid/id, else link, else sha256 of title+date+content
  std::optional<std::string> link;
  std::optional<std::string> title;
  std::optional<std::string> summary;
  std::optional<std::string> content;
  TextType title_type = TextType::kText;
  TextType summary_type = TextType::kHtml;
  TextType content_type = TextType::kHtml;
  std::optional<std::string> author;  // the first author's name, else their email
  std::optional<support::Timestamp> published;
  std::optional<support::Timestamp> updated;
  std::vector<std::string> categories;                 // terms (Atom term, RSS category text)
  std::map<std::string, std::string> category_labels;  // term → display name (Atom label)
  std::vector<Enclosure> enclosures;
  std::vector<Enclosure> media;  // media:content and media:thumbnail, kept apart from enclosures
  std::vector<Person> authors;
  std::optional<double> duration_seconds;  // itunes:duration
  std::optional<std::string> image;        // itunes:image href
  std::optional<bool> explicit_content;    // itunes:explicit
  // What sanitize_items resolves the references inside the title, summary and content against: the
  // base their own xml:base gives them, else the item's (`base`, when an xml:base is in effect
  // there), else the document's ("" stands for "the next one").
  std::string base;
  std::string title_base, summary_base, content_base;
  // The item as parsed, before sanitizing (item_fingerprint.h); "" until fingerprint_items ran.
  std::string fingerprint;
};

// A whole feed.
struct ParsedFeed {
  FeedKind kind = FeedKind::kRss;
  std::optional<std::string> title;
  std::optional<std::string> link;  // the site's URL, not the feed's
  std::optional<std::string> description;
  TextType title_type = TextType::kText;
  TextType description_type = TextType::kHtml;  // RSS descriptions are HTML, Atom subtitles say
  std::optional<int> ttl_minutes;               // RSS <ttl>
  std::optional<std::string> image;             // itunes:image href, else RSS <image><url>, else Atom <logo>
  std::optional<std::string> icon;              // Atom <icon>
  std::string base_url;                         // the document's base: Content-Location, else the final URL
  std::vector<ParsedItem> items;
  std::size_t max_items = SIZE_MAX;  // the newest this many are kept (newest_items.h)
  std::size_t items_dropped = 0;     // items beyond max_items, left out
};

// The item's categories (and their labels), enclosures, media, authors and podcast fields as a JSON
// object (FeedItem.extra_json); the types of its texts have columns of their own.
std::string item_extra_json(const ParsedItem& item);

// The item as the store takes it.
domain::FeedItemInput to_feed_item_input(const ParsedItem& item);

}  // namespace pebble::parse
