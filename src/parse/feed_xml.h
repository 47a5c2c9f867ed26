#pragma once
// tinyxml2 helpers the XML feed parsers share: namespaces by URI, text, inner markup, xml:base.
// Internal to src/feeds: no header outside this folder includes tinyxml2.
#include <string>
#include <string_view>

#include <tinyxml2.h>

namespace pebble::parse::feed_xml {

// The namespaces feed parsers care about, told apart by URI (never by prefix).
enum class Namespace {
  kNone,
  kAtom10,
  kAtom03,
  kRss10,
  kRss090,
  kRss11,     // http://purl.org/net/rss1.1#
  kUserland,  // RSS 0.9x/2.0 with a namespace: backend.userland.com, blogs.law.harvard.edu
  kRdf,
  kContent,
  kDublinCore,
  kDcTerms,
  kMedia,
  kItunes,
  kXhtml,
  kOther,
};

// The namespace of an element, from the xmlns declarations on it and its ancestors; a prefix no
// ancestor declares falls back to its conventional meaning (`atom:`, `dc:`…), as feeds often
// forget the declaration.
Namespace namespace_of(const tinyxml2::XMLElement& element);

// The element name without its prefix.
std::string_view local_name(const tinyxml2::XMLElement& element);

// `text` without leading and trailing whitespace.
std::string trim(std::string_view text);

// `text` without leading and trailing whitespace, as a view into it (no copy).
std::string_view trimmed_view(std::string_view text);

// An attribute's value, "" when absent.
std::string attribute_of(const tinyxml2::XMLElement& element, const char* name);

// The element's content, trimmed: its text when it holds only text (CDATA included), else its
// children serialized as markup (unescaped HTML inside an RSS description).
std::string text_of(const tinyxml2::XMLElement& element);

// The children of an element serialized as markup.
std::string inner_xml(const tinyxml2::XMLElement& element);

// The base URL in effect at an element: `feed_url` refined by every xml:base from the root down,
// each resolved against the one above it; an xml:base that resolves to anything but an http(s) URL
// (javascript:, data:) is ignored.
std::string base_url_of(const tinyxml2::XMLElement& element, const std::string& feed_url);

// Whether an xml:base is in effect at `element` (on it or an ancestor).
bool has_xml_base(const tinyxml2::XMLElement& element);

// The base `element`'s own xml:base gives it (resolved against those above), "" when it has none.
std::string own_base(const tinyxml2::XMLElement& element, const std::string& feed_url);

// The base in effect at `element` when an xml:base is (on it or an ancestor), else "".
std::string scope_base_of(const tinyxml2::XMLElement& element, const std::string& feed_url);

// scope_base_of for a child whose parent's is known: `parent_scope` unless the child has its own
// xml:base, so a document's thousands of items do not each resolve the same bases again.
std::string child_scope_base(const tinyxml2::XMLElement& child, const std::string& feed_url,
                             const std::string& parent_scope);

// An id or guid resolved as a URL reference when it is written as a path (`/posts/1`, `./1`,
// `../1`): absolute ids and opaque ones (`1234`, `tag:…`) identify items as written.
std::string resolve_id(const tinyxml2::XMLElement& element, const std::string& feed_url, std::string id);

// `reference` resolved against the base URL in effect at `element`; "" stays "".
std::string resolve_at(const tinyxml2::XMLElement& element, const std::string& feed_url,
                       const std::string& reference);

}  // namespace pebble::parse::feed_xml
