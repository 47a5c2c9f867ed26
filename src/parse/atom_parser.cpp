#include "parse/atom_parser.h"

#include "parse/feed_extensions.h"
#include "parse/newest_items.h"
#include "parse/person_text.h"
#include "support/ascii_text.h"
#include "support/dates.h"

namespace pebble::parse {

namespace {

using feed_xml::Namespace;
using tinyxml2::XMLElement;

bool is_atom_core(Namespace ns) {
  return ns == Namespace::kAtom10 || ns == Namespace::kAtom03 || ns == Namespace::kNone;
}

// A text construct's value and whether it is markup.
struct TextConstruct {
  std::string text;
  TextType type = TextType::kText;
};

bool is_xml_media_type(std::string_view type) {
  return type.ends_with("+xml") || type.ends_with("/xml");
}

// An Atom text construct. 1.0 (RFC 4287 §3.1): type text (the default), html, or xhtml, whose
// markup is inside one wrapping <div> that is not part of the value. 0.3: a MIME `type` (default
// text/plain) and a `mode`: escaped (the text), base64 (decoded) or xml (the markup, any <div>
// included: only 1.0's xhtml has a container to strip).
TextConstruct read_text_construct(const XMLElement& element) {
  const std::string type = support::ascii_lower(feed_xml::attribute_of(element, "type"));
  const std::string mode = support::ascii_lower(feed_xml::attribute_of(element, "mode"));
  const bool plain = type.empty() || type == "text" || type == "text/plain";
  const TextType markup_or_text = plain ? TextType::kText : TextType::kHtml;
  if (type == "xhtml") {
    const XMLElement* div = element.FirstChildElement();
    if (div != nullptr && feed_xml::local_name(*div) == "div" && div->NextSiblingElement() == nullptr) {
      return {feed_xml::trim(feed_xml::inner_xml(*div)), TextType::kHtml};
    }
    return {feed_xml::trim(feed_xml::inner_xml(element)), TextType::kHtml};
  }
  if (mode == "base64") {
    return {feed_xml::trim(decode_base64_text(feed_xml::text_of(element)).value_or("")), markup_or_text};
  }
  if (mode == "xml" || (mode.empty() && is_xml_media_type(type))) {
    // Markup whatever the type says, unless it holds no element at all (plain text in mode="xml").
    if (element.FirstChildElement() == nullptr) return {feed_xml::text_of(element), markup_or_text};
    return {feed_xml::trim(feed_xml::inner_xml(element)), TextType::kHtml};
  }
  return {feed_xml::text_of(element), markup_or_text};
}

// Where a text construct goes: its value, type and base (feed_xml::own_base).
struct TextSlot {
  std::optional<std::string>& value;
  TextType& type;
  std::string* base;  // null where nothing resolves against it (feed titles)
};

// Reads a text construct into `slot` unless its value is already set; empty stays unset.
void read_text_into(const XMLElement& element, const std::string& feed_url, TextSlot slot) {
  if (slot.value) return;
  TextConstruct construct = read_text_construct(element);
  if (construct.text.empty()) return;
  slot.value = std::move(construct.text);
  slot.type = construct.type;
  if (slot.base != nullptr) *slot.base = feed_xml::own_base(element, feed_url);
}

void read_entry_link(const XMLElement& child, const std::string& feed_url, ParsedItem& item) {
  const AtomLink link = read_atom_link(child, feed_url);
  if (link.href.empty()) return;
  if (link.rel == "alternate" && !item.link) item.link = link.href;
  if (link.rel == "enclosure") item.enclosures.push_back({link.href, link.type, link.length});
}

ParsedItem read_entry(const XMLElement& entry, const std::string& feed_url,
                      const std::vector<Person>& feed_authors, const std::string& feed_scope) {
  ParsedItem item;
  std::string published;
  std::string updated;
  std::string dc_date;
  std::vector<Person> dc_creators;
  item.base = feed_xml::child_scope_base(entry, feed_url, feed_scope);
  for (const XMLElement* child = entry.FirstChildElement(); child != nullptr;
       child = child->NextSiblingElement()) {
    const Namespace ns = feed_xml::namespace_of(*child);
    const std::string_view name = feed_xml::local_name(*child);
    if (is_atom_core(ns)) {
      if (name == "id" && item.guid.empty())
        item.guid = feed_xml::resolve_id(*child, feed_url, feed_xml::text_of(*child));
      if (name == "title") read_text_into(*child, feed_url, {item.title, item.title_type, &item.title_base});
      if (name == "link") read_entry_link(*child, feed_url, item);
      if (name == "summary")
        read_text_into(*child, feed_url, {item.summary, item.summary_type, &item.summary_base});
      if (name == "content")
        read_text_into(*child, feed_url, {item.content, item.content_type, &item.content_base});
      if (name == "author") item.authors.push_back(read_atom_person(*child, feed_url));
      if ((name == "published" || name == "issued" || name == "created") && published.empty()) {
        published = feed_xml::text_of(*child);
      }
      if ((name == "updated" || name == "modified") && updated.empty()) updated = feed_xml::text_of(*child);
      if (name == "category") read_atom_category(*child, item.categories, item.category_labels);
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
  if (feed_xml::local_name(root) == "entry") {  // an Entry Document: a feed of that one entry
    append_item(feed, read_entry(root, feed_url, {}, {}));
    return feed;
  }
  std::vector<Person> authors;
  std::vector<const XMLElement*> entries;
  for (const XMLElement* child = root.FirstChildElement(); child != nullptr;
       child = child->NextSiblingElement()) {
    const Namespace ns = feed_xml::namespace_of(*child);
    if (!is_atom_core(ns)) continue;
    const std::string_view name = feed_xml::local_name(*child);
    if (name == "title") read_text_into(*child, feed_url, {feed.title, feed.title_type, nullptr});
    if (name == "subtitle" || name == "tagline")
      read_text_into(*child, feed_url, {feed.description, feed.description_type, nullptr});
    if ((name == "logo" || name == "icon") && !(name == "logo" ? feed.image : feed.icon)) {
      std::string url = feed_xml::resolve_at(*child, feed_url, feed_xml::text_of(*child));
      if (!url.empty()) (name == "logo" ? feed.image : feed.icon) = std::move(url);
    }
    if (name == "link" && !feed.link) {
      const AtomLink link = read_atom_link(*child, feed_url);
      if (link.rel == "alternate" && !link.href.empty()) feed.link = link.href;
    }
    if (name == "author") authors.push_back(read_atom_person(*child, feed_url));
    if (name == "entry") entries.push_back(child);
  }
  // The bases of the feed's thousands of entries are resolved once, unless an entry has its own.
  const std::string feed_scope = feed_xml::scope_base_of(root, feed_url);
  for (const XMLElement* entry : entries)
    append_item(feed, read_entry(*entry, feed_url, authors, feed_scope));
  return feed;
}

}  // namespace pebble::parse
