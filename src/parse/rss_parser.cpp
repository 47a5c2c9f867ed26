#include "parse/rss_parser.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "parse/feed_extensions.h"
#include "parse/newest_items.h"
#include "parse/person_text.h"
#include "support/ascii_text.h"
#include "support/dates.h"

namespace pebble::parse {

namespace {

using feed_xml::Namespace;
using tinyxml2::XMLElement;

// Elements of RSS itself: no namespace (0.9x, 2.0), Userland's RSS namespaces, or the RSS 1.0,
// 1.1 and 0.90 RDF vocabularies.
bool is_rss_core(Namespace ns) {
  return ns == Namespace::kNone || ns == Namespace::kRss10 || ns == Namespace::kRss090 ||
         ns == Namespace::kRss11 || ns == Namespace::kUserland;
}

bool is_url(std::string_view text) {
  return text.starts_with("http://") || text.starts_with("https://");
}

void set_first(std::string& slot, std::string value) {
  if (slot.empty()) slot = std::move(value);
}

void set_last(std::string& slot, std::string value) {
  if (!value.empty()) slot = std::move(value);
}

// An RSS <link>: its text, else its href (a namespace-less Atom-style link), resolved; "" for one
// whose rel says it is not the page (self, hub, enclosure…). Of several, feeds mean the last, as
// feedparser and gofeed read them.
std::string rss_link(const XMLElement& link, const std::string& feed_url) {
  const std::string rel = feed_xml::attribute_of(link, "rel");
  if (!rel.empty() && rel != "alternate") return {};
  std::string text = feed_xml::text_of(link);
  if (text.empty()) text = feed_xml::attribute_of(link, "href");
  return feed_xml::resolve_at(link, feed_url, text);
}

// Moves the winner out: the sources are scratch, and item content runs to kilobytes.
std::optional<std::string> first_non_empty(std::initializer_list<std::string*> candidates) {
  for (std::string* candidate : candidates) {
    if (!candidate->empty()) return std::move(*candidate);
  }
  return std::nullopt;
}

template <typename T>
const std::vector<T>& first_non_empty_list(std::initializer_list<const std::vector<T>*> candidates) {
  for (const std::vector<T>* candidate : candidates) {
    if (!candidate->empty()) return *candidate;
  }
  return **candidates.begin();
}

void collect_itunes_categories(const XMLElement& element, std::vector<std::string>& categories) {
  std::string text = feed_xml::attribute_of(element, "text");
  if (!text.empty()) categories.push_back(std::move(text));
  for (const XMLElement* child = element.FirstChildElement(); child != nullptr;
       child = child->NextSiblingElement()) {
    if (feed_xml::local_name(*child) == "category") collect_itunes_categories(*child, categories);
  }
}

// The <url> of a channel's <image> (RSS 0.91–2.0), resolved.
std::string channel_image_url(const XMLElement& image, const std::string& feed_url) {
  for (const XMLElement* child = image.FirstChildElement(); child != nullptr;
       child = child->NextSiblingElement()) {
    if (feed_xml::local_name(*child) == "url")
      return feed_xml::resolve_at(*child, feed_url, feed_xml::text_of(*child));
  }
  return {};
}

// Every source of each item field, in the order feeds are found to fill them; the first
// non-empty source wins when the item is assembled.
struct ItemSources {
  std::string title, dc_title;
  std::string link, atom_link, rdf_about;
  std::string guid, atom_id;
  bool guid_is_permalink = true;
  bool has_description = false;
  std::string description, dc_description, atom_summary, itunes_summary;
  std::string content, xhtml_body, fullitem, atom_content;
  std::string pub_date, atom_published, dc_date, dc_issued;
  std::string atom_updated, dc_modified;
  std::vector<Person> authors, atom_authors, dc_creators, itunes_authors;
  std::vector<std::string> categories, fallback_categories, dc_subjects, atom_categories;
  std::map<std::string, std::string> category_labels;
  std::vector<Enclosure> enclosures, atom_enclosures, media;
  std::string duration, image, explicit_flag;
  std::map<const std::string*, std::string> bases;  // a markup source's own base, when xml:base gives one
};

// set_first for a source of HTML: also notes the base its references resolve against.
void set_first_markup(ItemSources& s, std::string& slot, const XMLElement& element,
                      const std::string& feed_url, std::string value) {
  if (!slot.empty() || value.empty()) return;
  slot = std::move(value);
  if (std::string base = feed_xml::own_base(element, feed_url); !base.empty())
    s.bases[&slot] = std::move(base);
}

// first_non_empty over markup sources, setting `base` to the winner's own base ("" for the document's).
std::optional<std::string> first_non_empty_markup(const ItemSources& s,
                                                  std::initializer_list<std::string*> candidates,
                                                  std::string& base) {
  for (std::string* candidate : candidates) {
    if (candidate->empty()) continue;
    if (const auto found = s.bases.find(candidate); found != s.bases.end()) base = found->second;
    return std::move(*candidate);
  }
  return std::nullopt;
}

void read_core(const XMLElement& child, std::string_view name, const std::string& feed_url, ItemSources& s) {
  if (name == "title") {
    set_first(s.title, feed_xml::text_of(child));
  } else if (name == "link") {
    set_last(s.link, rss_link(child, feed_url));
  } else if (name == "guid") {
    if (s.guid.empty()) {
      s.guid = feed_xml::text_of(child);
      s.guid_is_permalink =
          !support::equals_ignoring_ascii_case(feed_xml::attribute_of(child, "isPermaLink"), "false");
    }
  } else if (name == "description") {
    s.has_description = true;
    set_first_markup(s, s.description, child, feed_url, feed_xml::text_of(child));
  } else if (name == "fullitem") {
    set_first_markup(s, s.fullitem, child, feed_url, feed_xml::text_of(child));
  } else if (name == "tags") {
    for (std::string& tag : split_keywords(feed_xml::text_of(child))) s.categories.push_back(std::move(tag));
  } else if (name == "author") {
    if (const Person person = parse_person_text(feed_xml::text_of(child)); person != Person{})
      s.authors.push_back(person);
  } else if (name == "pubDate") {
    set_first(s.pub_date, feed_xml::text_of(child));
  } else if (name == "category") {
    if (std::string category = feed_xml::text_of(child); !category.empty())
      s.categories.push_back(std::move(category));
  } else if (name == "enclosure") {
    Enclosure enclosure;
    enclosure.url = feed_xml::resolve_at(child, feed_url, feed_xml::attribute_of(child, "url"));
    enclosure.type = feed_xml::attribute_of(child, "type");
    enclosure.length = parse_length(feed_xml::attribute_of(child, "length"));
    if (!enclosure.url.empty()) s.enclosures.push_back(std::move(enclosure));
  }
}

void read_extension(const XMLElement& child, Namespace ns, std::string_view name, const std::string& feed_url,
                    ItemSources& s) {
  if (ns == Namespace::kContent && name == "encoded") {
    set_first_markup(s, s.content, child, feed_url, feed_xml::text_of(child));
  } else if (ns == Namespace::kDublinCore || ns == Namespace::kDcTerms) {
    if (name == "title") set_first(s.dc_title, feed_xml::text_of(child));
    if (name == "description")
      set_first_markup(s, s.dc_description, child, feed_url, feed_xml::text_of(child));
    if (name == "date") set_first(s.dc_date, feed_xml::text_of(child));
    if (name == "issued" || name == "created") set_first(s.dc_issued, feed_xml::text_of(child));
    if (name == "modified") set_first(s.dc_modified, feed_xml::text_of(child));
    if (name == "creator" || name == "author")
      s.dc_creators.push_back(parse_person_text(feed_xml::text_of(child)));
    if (name == "subject") s.dc_subjects.push_back(feed_xml::text_of(child));
  } else if (ns == Namespace::kItunes) {
    if (name == "summary") set_first_markup(s, s.itunes_summary, child, feed_url, feed_xml::text_of(child));
    if (name == "author") s.itunes_authors.push_back(parse_person_text(feed_xml::text_of(child)));
    if (name == "keywords") {
      for (std::string& keyword : split_keywords(feed_xml::text_of(child)))
        s.fallback_categories.push_back(keyword);
    }
    if (name == "category") collect_itunes_categories(child, s.fallback_categories);
    if (name == "duration") set_first(s.duration, feed_xml::text_of(child));
    if (name == "image")
      set_first(s.image, feed_xml::resolve_at(child, feed_url, feed_xml::attribute_of(child, "href")));
    if (name == "explicit") set_first(s.explicit_flag, feed_xml::text_of(child));
  } else if (ns == Namespace::kXhtml && name == "body") {
    set_first_markup(s, s.xhtml_body, child, feed_url, feed_xml::trim(feed_xml::inner_xml(child)));
  } else if (ns == Namespace::kAtom10 || ns == Namespace::kAtom03) {
    if (name == "link") {
      const AtomLink link = read_atom_link(child, feed_url);
      if (link.rel == "alternate") set_first(s.atom_link, link.href);
      if (link.rel == "enclosure" && !link.href.empty())
        s.atom_enclosures.push_back({link.href, link.type, link.length});
    }
    if (name == "id") set_first(s.atom_id, feed_xml::text_of(child));
    if (name == "content") set_first_markup(s, s.atom_content, child, feed_url, feed_xml::text_of(child));
    if (name == "summary") set_first_markup(s, s.atom_summary, child, feed_url, feed_xml::text_of(child));
    if (name == "published") set_first(s.atom_published, feed_xml::text_of(child));
    if (name == "updated") set_first(s.atom_updated, feed_xml::text_of(child));
    if (name == "author") s.atom_authors.push_back(read_atom_person(child, feed_url));
    if (name == "category") read_atom_category(child, s.atom_categories, s.category_labels);
  } else if (ns == Namespace::kMedia) {
    if (name == "keywords") {
      for (std::string& keyword : split_keywords(feed_xml::text_of(child)))
        s.categories.push_back(std::move(keyword));
    }
    collect_media(child, feed_url, s.media);
  }
}

std::optional<support::Timestamp> first_date(std::initializer_list<const std::string*> candidates) {
  for (const std::string* candidate : candidates) {
    if (candidate->empty()) continue;
    if (auto parsed = support::parse_feed_date(*candidate)) return parsed;
  }
  return std::nullopt;
}

ParsedItem read_item(const XMLElement& element, const std::string& feed_url,
                     const std::string& parent_scope) {
  ItemSources s;
  s.rdf_about = feed_xml::attribute_of(element, "rdf:about");
  for (const XMLElement* child = element.FirstChildElement(); child != nullptr;
       child = child->NextSiblingElement()) {
    const Namespace ns = feed_xml::namespace_of(*child);
    const std::string_view name = feed_xml::local_name(*child);
    if (is_rss_core(ns)) {
      read_core(*child, name, feed_url, s);
    } else {
      read_extension(*child, ns, name, feed_url, s);
    }
  }
  ParsedItem item;
  item.base = feed_xml::child_scope_base(element, feed_url, parent_scope);
  item.title = first_non_empty({&s.title, &s.dc_title});
  item.link = first_non_empty({&s.link, &s.atom_link});
  // RSS 2.0: a guid is a permalink unless isPermaLink="false"; a URL one is the link when none is.
  const bool rss_guid = !s.guid.empty();
  const bool permalink_guid = rss_guid && s.guid_is_permalink;
  item.guid = first_non_empty({&s.guid, &s.atom_id, &s.rdf_about}).value_or("");
  if (permalink_guid || !rss_guid) item.guid = feed_xml::resolve_id(element, feed_url, std::move(item.guid));
  if (!item.link && permalink_guid && is_url(item.guid)) item.link = item.guid;
  item.summary = first_non_empty_markup(
      s, {&s.description, &s.dc_description, &s.atom_summary, &s.itunes_summary}, item.summary_base);
  // An empty <description/> says the item has no synopsis: "" rather than absent (kept by finish_item).
  if (!item.summary && s.has_description) item.summary = "";
  item.content =
      first_non_empty_markup(s, {&s.content, &s.xhtml_body, &s.fullitem, &s.atom_content}, item.content_base);
  // RSS 2.0 titles are plain text (entities already decoded); descriptions and content are HTML.
  item.title_type = TextType::kText;
  item.summary_type = TextType::kHtml;
  item.content_type = TextType::kHtml;
  item.published = first_date({&s.pub_date, &s.atom_published, &s.dc_date, &s.dc_issued});
  item.updated = first_date({&s.atom_updated, &s.dc_modified, &s.dc_date});
  item.authors =
      first_non_empty_list<Person>({&s.authors, &s.atom_authors, &s.dc_creators, &s.itunes_authors});
  // Every category source counts (category, dc:subject, atom:category, tags, media:keywords);
  // iTunes' keywords and categories describe the show, so they stand in only when none is given.
  item.categories = std::move(s.categories);
  if (item.categories.empty()) item.categories = std::move(s.fallback_categories);
  for (std::vector<std::string>* more : {&s.dc_subjects, &s.atom_categories}) {
    for (std::string& category : *more) {
      if (std::find(item.categories.begin(), item.categories.end(), category) == item.categories.end())
        item.categories.push_back(std::move(category));
    }
  }
  item.category_labels = std::move(s.category_labels);
  item.enclosures = first_non_empty_list<Enclosure>({&s.enclosures, &s.atom_enclosures});
  item.media = std::move(s.media);
  item.duration_seconds = parse_duration(s.duration);
  if (!s.image.empty()) item.image = std::move(s.image);
  item.explicit_content = parse_explicit(s.explicit_flag);
  return item;
}

// Channel metadata; items are gathered separately because RSS 1.0 puts them beside the channel.
void read_channel(const XMLElement& channel, const std::string& feed_url, ParsedFeed& feed) {
  std::string title, dc_title, link, atom_link, description, dc_description, itunes_summary, itunes_subtitle;
  std::string rss_image;
  for (const XMLElement* child = channel.FirstChildElement(); child != nullptr;
       child = child->NextSiblingElement()) {
    const std::string_view name = feed_xml::local_name(*child);
    if (name == "item") continue;  // read by read_items_under; most of a channel's children
    const Namespace ns = feed_xml::namespace_of(*child);
    if (is_rss_core(ns)) {
      if (name == "title") set_first(title, feed_xml::text_of(*child));
      if (name == "link") set_last(link, rss_link(*child, feed_url));
      if (name == "description") set_first(description, feed_xml::text_of(*child));
      if (name == "image") set_first(rss_image, channel_image_url(*child, feed_url));
      if (name == "ttl") {
        const std::string text = feed_xml::text_of(*child);
        int minutes = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), minutes);
        if (error == std::errc() && end == text.data() + text.size() && minutes > 0)
          feed.ttl_minutes = minutes;
      }
    } else if (ns == Namespace::kDublinCore) {
      if (name == "title") set_first(dc_title, feed_xml::text_of(*child));
      if (name == "description") set_first(dc_description, feed_xml::text_of(*child));
    } else if (ns == Namespace::kItunes) {
      if (name == "image" && !feed.image) {
        std::string href = feed_xml::resolve_at(*child, feed_url, feed_xml::attribute_of(*child, "href"));
        if (!href.empty()) feed.image = std::move(href);
      }
      if (name == "summary") set_first(itunes_summary, feed_xml::text_of(*child));
      if (name == "subtitle") set_first(itunes_subtitle, feed_xml::text_of(*child));
    } else if ((ns == Namespace::kAtom10 || ns == Namespace::kAtom03) && name == "link") {
      const AtomLink atom = read_atom_link(*child, feed_url);
      if (atom.rel == "alternate") set_first(atom_link, atom.href);
    }
  }
  feed.title = first_non_empty({&title, &dc_title});
  feed.link = first_non_empty({&link, &atom_link});
  feed.description = first_non_empty({&description, &dc_description, &itunes_summary, &itunes_subtitle});
  if (!feed.image && !rss_image.empty()) feed.image = std::move(rss_image);
}

// Items directly under `parent`, and under its <items rdf:parseType="Collection"> (RSS 1.1).
void read_items_under(const XMLElement& parent, const std::string& feed_url, ParsedFeed& feed) {
  // The bases of the thousands of items are resolved once, unless an item has its own xml:base.
  const std::string scope = feed_xml::scope_base_of(parent, feed_url);
  for (const XMLElement* child = parent.FirstChildElement(); child != nullptr;
       child = child->NextSiblingElement()) {
    const std::string_view name = feed_xml::local_name(*child);
    if (name == "item" && is_rss_core(feed_xml::namespace_of(*child))) {
      append_item(feed, read_item(*child, feed_url, scope));
    } else if (name == "items" && feed_xml::namespace_of(*child) == Namespace::kRss11) {
      read_items_under(*child, feed_url, feed);
    }
  }
}

}  // namespace

ParsedFeed parse_rss_document(const XMLElement& root, const std::string& feed_url, FeedKind kind,
                              std::size_t max_items) {
  ParsedFeed feed;
  feed.kind = kind;
  feed.max_items = max_items;
  if (feed_xml::local_name(root) == "Channel") {  // RSS 1.1: the root is the channel
    read_channel(root, feed_url, feed);
    read_items_under(root, feed_url, feed);
    return feed;
  }
  for (const XMLElement* child = root.FirstChildElement(); child != nullptr;
       child = child->NextSiblingElement()) {
    if (!is_rss_core(feed_xml::namespace_of(*child))) continue;
    if (feed_xml::local_name(*child) == "channel") {
      read_channel(*child, feed_url, feed);
      read_items_under(*child, feed_url, feed);  // RSS 2.0 nests items in the channel
    }
  }
  read_items_under(root, feed_url, feed);  // RSS 1.0 / 0.90 put them beside it
  return feed;
}

}  // namespace pebble::parse
