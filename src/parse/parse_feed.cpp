#include "parse/parse_feed.h"

#include <cctype>

#include "domain/url.h"
#include "domain/url_resolve.h"
#include "parse/atom_parser.h"
#include "parse/charset.h"
#include "parse/feed_xml.h"
#include "parse/html_entities.h"
#include "parse/json_feed_parser.h"
#include "parse/newest_items.h"
#include "parse/rss_parser.h"
#include "support/ascii_text.h"
#include "support/sha256.h"

namespace pebble::parse {

namespace {

using feed_xml::Namespace;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The name of the first element, skipping the prolog (declaration, comments, PIs, DOCTYPE), and
// whether a DOCTYPE declared the document HTML; looked at before parsing because HTML pages are
// rarely well-formed XML and deserve a clearer message than a parse error.
struct Prolog {
  std::string root_name;
  bool doctype = false;
  bool html_doctype = false;
};

Prolog scan_prolog(std::string_view text) {
  Prolog prolog;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && is_space(text[pos])) ++pos;
    if (pos >= text.size() || text[pos] != '<') break;
    const std::string_view rest = text.substr(pos);
    std::string_view terminator;
    if (rest.substr(0, 4) == "<!--") {
      terminator = "-->";
    } else if (rest.substr(0, 2) == "<?") {
      terminator = "?>";
    } else if (rest.substr(0, 2) == "<!") {
      prolog.doctype = prolog.doctype || support::starts_with_ignoring_ascii_case(rest, "<!doctype");
      prolog.html_doctype =
          prolog.html_doctype || support::ascii_lower(rest.substr(0, 14)) == "<!doctype html";
      terminator = ">";
    } else {
      std::size_t end = 1;
      while (end < rest.size() && !is_space(rest[end]) && rest[end] != '>' && rest[end] != '/') ++end;
      prolog.root_name = std::string(rest.substr(1, end - 1));
      break;
    }
    const std::size_t end = text.find(terminator, pos + 2);
    if (end == std::string_view::npos) break;
    pos = end + terminator.size();
  }
  return prolog;
}

const char* describe_xml_error(tinyxml2::XMLError error) {
  switch (error) {
    case tinyxml2::XML_ERROR_MISMATCHED_ELEMENT:
      return "mismatched end tag";
    case tinyxml2::XML_ERROR_PARSING_ELEMENT:
      return "unreadable element";
    case tinyxml2::XML_ERROR_PARSING_ATTRIBUTE:
      return "unreadable attribute";
    case tinyxml2::XML_ERROR_PARSING_TEXT:
      return "unreadable text";
    case tinyxml2::XML_ERROR_PARSING_CDATA:
      return "unterminated CDATA section";
    case tinyxml2::XML_ERROR_PARSING_COMMENT:
      return "unterminated comment";
    case tinyxml2::XML_ERROR_PARSING_DECLARATION:
      return "unreadable declaration";
    case tinyxml2::XML_ERROR_PARSING_UNKNOWN:
      return "unreadable markup";
    case tinyxml2::XML_ERROR_EMPTY_DOCUMENT:
      return "no element";
    case tinyxml2::XML_ELEMENT_DEPTH_EXCEEDED:
      return "elements nested too deeply";
    default:
      return "unreadable document";
  }
}

ParsedFeed parse_xml_feed(std::string_view text, const std::string& feed_url, std::size_t max_items) {
  const Prolog prolog = scan_prolog(text);
  if (support::ascii_lower(prolog.root_name) == "html" || prolog.html_doctype) {
    throw FeedParseError("not a feed: HTML page (<html> root)");
  }
  // Entities are decoded as values are read (feed_xml), so the document itself is rewritten only
  // when it must be, as copying megabytes for nothing would cost more than the parse: a DOCTYPE
  // (custom entities, external fetches) goes before tinyxml2 sees it, and a NUL, which ends
  // tinyxml2's C string and so fails the parse unless it follows the root, is dropped on a retry.
  std::string rewritten;
  std::string_view xml = text;
  if (prolog.doctype) {
    rewritten = rewrite_entities(text);
    xml = rewritten;
  }
  tinyxml2::XMLDocument document(true, tinyxml2::PRESERVE_WHITESPACE);
  tinyxml2::XMLError error = document.Parse(xml.data(), xml.size());
  if (error != tinyxml2::XML_SUCCESS && rewritten.empty() && text.find('\0') != std::string_view::npos) {
    rewritten = rewrite_entities(text);
    error = document.Parse(rewritten.data(), rewritten.size());
  }
  if (error != tinyxml2::XML_SUCCESS) {
    throw FeedParseError("malformed XML at line " + std::to_string(document.ErrorLineNum()) + ": " +
                         describe_xml_error(error));
  }
  const tinyxml2::XMLElement* root = document.RootElement();
  if (root == nullptr) throw FeedParseError("not a feed: XML without a root element");
  const std::string_view name = feed_xml::local_name(*root);
  const Namespace ns = feed_xml::namespace_of(*root);
  // By namespace URI and local name; an unknown namespace on <rss> or <feed> is still that format,
  // as feeds declare namespaces carelessly, but an Atom <rss> or an RSS <feed> is not.
  const bool atom = ns == Namespace::kAtom10 || ns == Namespace::kAtom03;
  const bool rss = ns == Namespace::kNone || ns == Namespace::kUserland || ns == Namespace::kRss10 ||
                   ns == Namespace::kRss090 || ns == Namespace::kOther;
  if (name == "rss" && rss) return parse_rss_document(*root, feed_url, FeedKind::kRss, max_items);
  if (name == "RDF" && (ns == Namespace::kRdf || ns == Namespace::kOther)) {
    return parse_rss_document(*root, feed_url, FeedKind::kRdf, max_items);
  }
  if (name == "Channel" && ns == Namespace::kRss11) {
    return parse_rss_document(*root, feed_url, FeedKind::kRdf, max_items);
  }
  if (name == "feed" && (atom || ns == Namespace::kNone || ns == Namespace::kOther)) {
    return parse_atom_document(*root, feed_url, max_items);
  }
  if (name == "entry" && atom) return parse_atom_document(*root, feed_url, max_items);  // RFC 4287 §4.1.2
  if (support::ascii_lower(name) == "html") throw FeedParseError("not a feed: HTML page (<html> root)");
  throw FeedParseError("not a feed: XML root <" + std::string(root->Name()) + ">");
}

bool looks_like_json(std::string_view text, const std::string& content_type) {
  return text.front() == '{' ||
         (text.front() == '[' && support::ascii_lower(content_type).find("json") != std::string::npos);
}

// Trims in place, then drops what is left empty: no copy of an already trimmed value.
void trim_or_reset(std::optional<std::string>& value) {
  if (!value) return;
  const std::string_view trimmed = feed_xml::trimmed_view(*value);
  if (trimmed.empty()) {
    value.reset();
  } else if (trimmed.size() != value->size()) {
    *value = std::string(trimmed);
  }
}

// What every format shares (SPEC §6 Items): empty fields are absent, the author is the first
// person's name, an item without a date of publication was published when last updated, and an
// item without guid or id is identified by its link, else by a hash of what it says.
void finish_item(ParsedItem& item) {
  std::erase_if(item.authors, [](const Person& person) { return person == Person{}; });
  std::erase_if(item.categories, [](const std::string& category) { return category.empty(); });
  item.author.reset();
  if (!item.authors.empty()) {
    const Person& first = item.authors.front();
    item.author = first.name.empty() ? first.email : first.name;
    if (first.name.empty()) trim_or_reset(item.author);
  }
  if (!item.published) item.published = item.updated;
  if (const std::string_view guid = feed_xml::trimmed_view(item.guid); guid.size() != item.guid.size()) {
    item.guid = std::string(guid);
  }
  if (item.guid.empty() && item.link) item.guid = *item.link;
  if (item.guid.empty()) {
    const std::string date = item.published ? support::format_rfc3339(*item.published) : "";
    item.guid = support::sha256_hex(item.title.value_or("") + "\n" + date + "\n" +
                                    item.content.value_or(item.summary.value_or("")));
  }
}

}  // namespace

ParsedFeed parse_feed(std::string_view body, const std::string& feed_url,
                      const std::string& content_type_header, std::size_t max_items) {
  const DecodedText decoded = decode_to_utf8(body, content_type_header);
  std::string_view text = decoded.text();
  constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
  while (!text.empty() && (is_space(text.front()) || text.substr(0, 3) == kUtf8Bom)) {
    text.remove_prefix(is_space(text.front()) ? 1 : 3);
  }
  if (text.empty()) throw FeedParseError("empty body");
  ParsedFeed feed;
  if (looks_like_json(text, content_type_header)) {
    feed = parse_json_feed(text, feed_url, max_items);
    // JSON values come as written; the XML readers trim theirs as they copy them out, and
    // trimming those again would reread kilobytes of content long gone from the cache.
    for (ParsedItem& item : feed.items) {
      for (std::optional<std::string>* field : {&item.title, &item.link, &item.summary, &item.content}) {
        trim_or_reset(*field);
      }
    }
  } else if (text.front() == '<') {
    feed = parse_xml_feed(text, feed_url, max_items);
  } else {
    throw FeedParseError("not a feed: the body is neither XML nor JSON");
  }
  keep_newest_items(feed);
  feed.base_url = feed_url;
  trim_or_reset(feed.title);
  trim_or_reset(feed.link);
  trim_or_reset(feed.description);
  for (ParsedItem& item : feed.items) finish_item(item);
  return feed;
}

std::string document_base_url(const std::string& final_url,
                              const std::optional<std::string>& content_location) {
  if (!content_location) return final_url;
  std::string base = domain::resolve_url(final_url, feed_xml::trimmed_view(*content_location));
  return domain::is_http_url(base) ? base : final_url;
}

}  // namespace pebble::parse
