#include "parse/atom_parser.h"

#include "parse/feed_extensions.h"
#include "parse/newest_items.h"
#include "parse/person_text.h"
#include "support/dates.h"

namespace pebble::parse {

namespace {

using feed_xml::Namespace;
using tinyxml2::XMLElement;

bool is_atom_core(Namespace ns) {
  return ns == Namespace::kAtom10 || ns == Namespace::kAtom03 || ns == Namespace::kNone;
}

// An Atom text construct: XHTML content is the markup inside its wrapping <div>; Atom 0.3's
// mode="xml" is markup too; text, html and escaped content are the element's text.
std::string read_text_construct(const XMLElement& element) {
  const std::string type = feed_xml::attribute_of(element, "type");
  const std::string mode = feed_xml::attribute_of(element, "mode");
  if (type == "xhtml" || type == "application/xhtml+xml" || mode == "xml") {
    const XMLElement* div = element.FirstChildElement();
    if (div != nullptr && feed_xml::local_name(*div) == "div" && div->NextSiblingElement() == nullptr) {
      return feed_xml::trim(feed_xml::inner_xml(*div));
    }
    return feed_xml::trim(feed_xml::inner_xml(element));
  }
  return feed_xml::text_of(element);
}

std::optional<std::string> non_empty(std::string text) {
  if (text.empty()) return std::nullopt;
  return text;
}

std::string category_label(const XMLElement& element) {
  std::string label = feed_xml::attribute_of(element, "label");
  if (label.empty()) label = feed_xml::attribute_of(element, "term");
  if (label.empty()) label = feed_xml::text_of(element);  // Atom 0.3 feeds in the wild
  return label;
}

void read_entry_link(const XMLElement& child, const std::string& feed_url, ParsedItem& item) {
  const AtomLink link = read_atom_link(child, feed_url);
  if (link.href.empty()) return;
  if (link.rel == "alternate" && !item.link) item.link = link.href;
  if (link.rel == "enclosure") item.enclosures.push_back({link.href, link.type, link.length});
}

ParsedItem read_entry(const XMLElement& entry, const std::string& feed_url,
                      const std::vector<Person>& feed_authors) {
  ParsedItem item;
  std::string published;
  std::string updated;
  std::string dc_date;
  std::vector<Person> dc_creators;
  for (const XMLElement* child = entry.FirstChildElement(); child != nullptr;
       child = child->NextSiblingElement()) {
    const Namespace ns = feed_xml::namespace_of(*child);
    const std::string_view name = feed_xml::local_name(*child);
    if (is_atom_core(ns)) {
      if (name == "id" && item.guid.empty()) item.guid = feed_xml::text_of(*child);
      if (name == "title" && !item.title) item.title = non_empty(read_text_construct(*child));
      if (name == "link") read_entry_link(*child, feed_url, item);
      if (name == "summary" && !item.summary) item.summary = non_empty(read_text_construct(*child));
      if (name == "content" && !item.content) item.content = non_empty(read_text_construct(*child));
      if (name == "author") item.authors.push_back(read_atom_person(*child));
      if ((name == "published" || name == "issued" || name == "created") && published.empty()) {
        published = feed_xml::text_of(*child);
      }
      if ((name == "updated" || name == "modified") && updated.empty()) updated = feed_xml::text_of(*child);
      if (name == "category") {
        if (std::string label = category_label(*child); !label.empty())
          item.categories.push_back(std::move(label));
      }
    } else if (ns == Namespace::kDublinCore) {
      if (name == "creator") dc_creators.push_back(parse_person_text(feed_xml::text_of(*child)));
      if (name == "date" && dc_date.empty()) dc_date = feed_xml::text_of(*child);
      if (name == "subject") item.categories.push_back(feed_xml::text_of(*child));
    } else if (ns == Namespace::kMedia) {
      collect_media(*child, feed_url, item.media);
    }
  }
  item.published = support::parse_feed_date(published.empty() ? dc_date : published);
  item.updated = support::parse_feed_date(updated.empty() ? dc_date : updated);
  // RFC 4287 §4.2.1: an entry without an author has the feed's.
  if (item.authors.empty()) item.authors = dc_creators.empty() ? feed_authors : dc_creators;
  return item;
}

}  // namespace

ParsedFeed parse_atom_document(const XMLElement& root, const std::string& feed_url, std::size_t max_items) {
  ParsedFeed feed;
  feed.max_items = max_items;
  feed.kind = FeedKind::kAtom;
  std::vector<Person> authors;
  std::vector<const XMLElement*> entries;
  for (const XMLElement* child = root.FirstChildElement(); child != nullptr;
       child = child->NextSiblingElement()) {
    const Namespace ns = feed_xml::namespace_of(*child);
    if (!is_atom_core(ns)) continue;
    const std::string_view name = feed_xml::local_name(*child);
    if (name == "title" && !feed.title) feed.title = non_empty(read_text_construct(*child));
    if ((name == "subtitle" || name == "tagline") && !feed.description) {
      feed.description = non_empty(read_text_construct(*child));
    }
    if (name == "link" && !feed.link) {
      const AtomLink link = read_atom_link(*child, feed_url);
      if (link.rel == "alternate" && !link.href.empty()) feed.link = link.href;
    }
    if (name == "author") authors.push_back(read_atom_person(*child));
    if (name == "entry") entries.push_back(child);
  }
  for (const XMLElement* entry : entries) append_item(feed, read_entry(*entry, feed_url, authors));
  return feed;
}

}  // namespace pebble::parse
