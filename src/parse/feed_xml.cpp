#include "parse/feed_xml.h"

#include <cctype>
#include <deque>
#include <vector>

#include "domain/url_resolve.h"
#include "parse/html_entities.h"
#include "parse/xml_raw_text.h"
#include "parse/xml_whitespace.h"
#include "support/ascii_text.h"

namespace pebble::parse::feed_xml {

namespace {

Namespace classify_uri(std::string_view uri) {
  struct Known {
    std::string_view uri;
    Namespace ns;
  };
  // Compared ignoring case and a trailing slash: feeds spell the iTunes and Media RSS URIs freely.
  static constexpr Known kKnown[] = {
      {"http://www.w3.org/2005/Atom", Namespace::kAtom10},
      {"http://purl.org/atom/ns#", Namespace::kAtom03},
      {"http://purl.org/rss/1.0", Namespace::kRss10},
      {"http://my.netscape.com/rdf/simple/0.9", Namespace::kRss090},
      {"http://purl.org/net/rss1.1#", Namespace::kRss11},
      {"http://backend.userland.com/rss2", Namespace::kUserland},
      {"http://backend.userland.com/rss", Namespace::kUserland},
      {"http://blogs.law.harvard.edu/tech/rss", Namespace::kUserland},
      {"http://www.w3.org/1999/02/22-rdf-syntax-ns#", Namespace::kRdf},
      {"http://purl.org/rss/1.0/modules/content", Namespace::kContent},
      {"http://purl.org/dc/elements/1.1", Namespace::kDublinCore},
      {"http://purl.org/dc/terms", Namespace::kDcTerms},
      {"http://search.yahoo.com/mrss", Namespace::kMedia},
      {"http://www.itunes.com/dtds/podcast-1.0.dtd", Namespace::kItunes},
      {"http://www.w3.org/1999/xhtml", Namespace::kXhtml},
  };
  if (!uri.empty() && uri.back() == '/') uri.remove_suffix(1);
  // Exact spellings first: this runs for every element, and nearly every feed spells URIs exactly.
  for (const Known& known : kKnown) {
    if (uri == known.uri) return known.ns;
  }
  for (const Known& known : kKnown) {
    if (support::equals_ignoring_ascii_case(uri, known.uri)) return known.ns;
  }
  // Atom's drafts before 1.0 (draft-ietf-atompub-format-NN) read as 1.0: they differ in details
  // pebble does not store.
  if (uri.starts_with("http://purl.org/atom/ns#draft")) return Namespace::kAtom10;
  return uri.empty() ? Namespace::kNone : Namespace::kOther;
}

Namespace conventional_prefix(std::string_view prefix) {
  if (prefix == "atom") return Namespace::kAtom10;
  if (prefix == "dc") return Namespace::kDublinCore;
  if (prefix == "dcterms") return Namespace::kDcTerms;
  if (prefix == "content") return Namespace::kContent;
  if (prefix == "media") return Namespace::kMedia;
  if (prefix == "itunes") return Namespace::kItunes;
  if (prefix == "rdf") return Namespace::kRdf;
  if (prefix == "xhtml") return Namespace::kXhtml;
  return Namespace::kOther;
}

}  // namespace

Namespace namespace_of(const tinyxml2::XMLElement& element) {
  const std::string_view name = element.Name();
  const std::size_t colon = name.find(':');
  const std::string_view prefix =
      colon == std::string_view::npos ? std::string_view() : name.substr(0, colon);
  // Runs for every element read, against every attribute of every ancestor: rejects most names by
  // their first bytes, without measuring them or building "xmlns:p".
  const auto declares = [prefix](const char* attribute) {
    const bool xmlns = attribute[0] == 'x' && attribute[1] == 'm' && attribute[2] == 'l' &&
                       attribute[3] == 'n' && attribute[4] == 's';
    if (!xmlns) return false;
    if (prefix.empty()) return attribute[5] == '\0';
    return attribute[5] == ':' && std::string_view(attribute + 6) == prefix;
  };
  for (const tinyxml2::XMLNode* node = &element; node != nullptr; node = node->Parent()) {
    const tinyxml2::XMLElement* ancestor = node->ToElement();
    if (ancestor == nullptr) break;
    for (const tinyxml2::XMLAttribute* attribute = ancestor->FirstAttribute(); attribute != nullptr;
         attribute = attribute->Next()) {
      if (declares(attribute->Name())) return classify_uri(attribute->Value());
    }
  }
  return prefix.empty() ? Namespace::kNone : conventional_prefix(prefix);
}

std::string_view local_name(const tinyxml2::XMLElement& element) {
  const std::string_view name = element.Name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view trimmed_view(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

std::string trim(std::string_view text) {
  return std::string(trimmed_view(text));
}

namespace {

// Character data decoded, without leading and trailing whitespace; the bytes are trimmed before
// decoding so a value is copied once, and again after, for the rare reference to a space.
std::string decoded_trimmed(RawText raw) {
  raw.bytes = trimmed_view(raw.bytes);
  std::string text;
  text.reserve(raw.bytes.size());  // decoding never lengthens
  append_character_data(raw.bytes, raw.references, raw.line_ends, text);
  if (trimmed_view(text).size() != text.size()) text = trim(text);
  return text;
}

constexpr std::string_view kXhtmlUri = "http://www.w3.org/1999/xhtml";
constexpr std::string_view kSvgUri = "http://www.w3.org/2000/svg";
constexpr std::string_view kMathMlUri = "http://www.w3.org/1998/Math/MathML";

// The URI `prefix` ("" for the default namespace) is bound to at `element`, "" when unbound.
std::string_view declared_uri(const tinyxml2::XMLElement& element, std::string_view prefix) {
  const std::string attribute_name = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
  for (const tinyxml2::XMLNode* node = &element; node != nullptr; node = node->Parent()) {
    const tinyxml2::XMLElement* ancestor = node->ToElement();
    if (ancestor == nullptr) break;
    if (const char* uri = ancestor->Attribute(attribute_name.c_str())) return uri;
  }
  return {};
}

std::string_view prefix_of(std::string_view name) {
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? std::string_view() : name.substr(0, colon);
}

// Prints markup the way tinyxml2 would, but with text and attribute values decoded by pebble, so
// HTML's named references inside are characters, not `&amp;nbsp;`. The markup leaves its
// document, so namespaces are made to survive the move: XHTML, SVG and MathML elements are printed
// unprefixed as HTML5 reads them, an SVG or MathML subtree declares its namespace on its top
// element, and another prefix declared outside the printed markup is declared where it is used.
class DecodingPrinter : public tinyxml2::XMLPrinter {
 public:
  explicit DecodingPrinter(const tinyxml2::XMLElement& container)
      : tinyxml2::XMLPrinter(nullptr, true), container_(container) {}

  bool VisitEnter(const tinyxml2::XMLElement& element, const tinyxml2::XMLAttribute* attribute) override {
    push_dropped_whitespace(whitespace_before(element));
    const std::string_view name = element.Name();
    const std::string_view prefix = prefix_of(name);
    const bool top = element.Parent() == &container_;
    // Unprefixed elements inside are in their parent's namespace, already declared or implied.
    const std::string_view uri = prefix.empty() && !top ? std::string_view() : declared_uri(element, prefix);
    const bool known = uri == kXhtmlUri || uri == kSvgUri || uri == kMathMlUri;
    // XMLPrinter keeps the name pointer until the closing tag: a local name must outlive this call.
    if (known && !prefix.empty()) local_names_.emplace_back(local_name(element));
    OpenElement(known && !prefix.empty() ? local_names_.back().c_str() : element.Name(), true);
    const bool foreign = uri == kSvgUri || uri == kMathMlUri;
    const tinyxml2::XMLElement* parent =
        element.Parent() == nullptr ? nullptr : element.Parent()->ToElement();
    if (foreign && element.Attribute("xmlns") == nullptr &&
        (top || parent == nullptr || declared_uri(*parent, prefix_of(parent->Name())) != uri)) {
      PushAttribute("xmlns", std::string(uri).c_str());
    } else if (!known && !prefix.empty()) {
      declare_outside_prefix(element, prefix);
    }
    for (; attribute != nullptr; attribute = attribute->Next()) {
      PushAttribute(attribute->Name(), decoded(raw_value(*attribute)).c_str());
    }
    for (attribute = element.FirstAttribute(); attribute != nullptr; attribute = attribute->Next()) {
      const std::string_view attribute_prefix = prefix_of(attribute->Name());
      if (!attribute_prefix.empty() && attribute_prefix != "xml" && attribute_prefix != "xmlns")
        declare_outside_prefix(element, attribute_prefix);
    }
    return true;
  }

  bool VisitExit(const tinyxml2::XMLElement& element) override {
    push_dropped_whitespace(whitespace_before_end_tag(element));
    return tinyxml2::XMLPrinter::VisitExit(element);
  }

  bool Visit(const tinyxml2::XMLText& text) override {
    push_dropped_whitespace(whitespace_before(text));
    PushText(decoded(raw_text(text)).c_str(), text.CData());
    return true;
  }

  bool Visit(const tinyxml2::XMLComment& comment) override {
    push_dropped_whitespace(whitespace_before(comment));
    return tinyxml2::XMLPrinter::Visit(comment);
  }

  bool Visit(const tinyxml2::XMLUnknown& unknown) override {
    push_dropped_whitespace(whitespace_before(unknown));
    return tinyxml2::XMLPrinter::Visit(unknown);
  }

  bool Visit(const tinyxml2::XMLDeclaration& declaration) override {
    push_dropped_whitespace(whitespace_before(declaration));
    return tinyxml2::XMLPrinter::Visit(declaration);
  }

  // Whitespace-only text tinyxml2 left out of the tree (xml_whitespace.h), printed back as text.
  void push_dropped_whitespace(std::string_view whitespace) {
    if (whitespace.empty()) return;
    std::string text;
    append_character_data(whitespace, false, true, text);
    PushText(text.c_str());
  }

 private:
  // Declares `prefix` on `element` when its declaration lies outside the printed markup.
  void declare_outside_prefix(const tinyxml2::XMLElement& element, std::string_view prefix) {
    const std::string attribute_name = "xmlns:" + std::string(prefix);
    for (const tinyxml2::XMLNode* node = &element; node != nullptr && node != &container_;
         node = node->Parent()) {
      const tinyxml2::XMLElement* ancestor = node->ToElement();
      if (ancestor == nullptr || ancestor->Attribute(attribute_name.c_str()) != nullptr) return;
    }
    const std::string_view uri = declared_uri(container_, prefix);
    if (!uri.empty()) PushAttribute(attribute_name.c_str(), std::string(uri).c_str());
  }

  const tinyxml2::XMLElement& container_;
  std::deque<std::string> local_names_;  // stable addresses, unlike a vector's

  static std::string decoded(const RawText& raw) {
    std::string text;
    append_character_data(raw.bytes, raw.references, raw.line_ends, text);
    return text;
  }
};

}  // namespace

std::string attribute_of(const tinyxml2::XMLElement& element, const char* name) {
  const tinyxml2::XMLAttribute* attribute = element.FindAttribute(name);
  return attribute == nullptr ? std::string() : decoded_trimmed(raw_value(*attribute));
}

std::string text_of(const tinyxml2::XMLElement& element) {
  if (element.FirstChildElement() != nullptr) return trim(inner_xml(element));
  const tinyxml2::XMLNode* first = element.FirstChild();
  if (first != nullptr && first->NextSibling() == nullptr) {
    // One text or CDATA node, by far the common case: decoded straight out of the document.
    const tinyxml2::XMLText* piece = first->ToText();
    return piece == nullptr ? std::string() : decoded_trimmed(raw_text(*piece));
  }
  std::string text;
  for (const tinyxml2::XMLNode* child = element.FirstChild(); child != nullptr;
       child = child->NextSibling()) {
    // Whitespace between CDATA sections and comments is text too, though tinyxml2 drops it.
    append_character_data(whitespace_before(*child), false, true, text);
    if (const tinyxml2::XMLText* piece = child->ToText()) {
      const RawText raw = raw_text(*piece);
      append_character_data(raw.bytes, raw.references, raw.line_ends, text);
    }
  }
  return trim(text);
}

std::string inner_xml(const tinyxml2::XMLElement& element) {
  DecodingPrinter printer(element);
  for (const tinyxml2::XMLNode* child = element.FirstChild(); child != nullptr;
       child = child->NextSibling()) {
    child->Accept(&printer);
  }
  printer.push_dropped_whitespace(whitespace_before_end_tag(element));
  return std::string(printer.CStr(),
                     static_cast<std::size_t>(printer.CStrSize() > 0 ? printer.CStrSize() - 1 : 0));
}

std::string base_url_of(const tinyxml2::XMLElement& element, const std::string& feed_url) {
  std::vector<std::string> bases;
  for (const tinyxml2::XMLNode* node = &element; node != nullptr; node = node->Parent()) {
    const tinyxml2::XMLElement* ancestor = node->ToElement();
    if (ancestor == nullptr) break;
    if (const tinyxml2::XMLAttribute* base = ancestor->FindAttribute("xml:base")) {
      bases.push_back(decoded_trimmed(raw_value(*base)));
    }
  }
  std::string base = feed_url;
  for (auto it = bases.rbegin(); it != bases.rend(); ++it) {
    std::string refined = domain::resolve_url(base, *it);
    if (domain::is_http_url(refined) || !domain::is_absolute_url(refined)) base = std::move(refined);
  }
  return base;
}

bool has_xml_base(const tinyxml2::XMLElement& element) {
  for (const tinyxml2::XMLNode* node = &element; node != nullptr; node = node->Parent()) {
    const tinyxml2::XMLElement* ancestor = node->ToElement();
    if (ancestor == nullptr) return false;
    if (ancestor->FindAttribute("xml:base") != nullptr) return true;
  }
  return false;
}

std::string own_base(const tinyxml2::XMLElement& element, const std::string& feed_url) {
  if (element.FindAttribute("xml:base") == nullptr) return {};
  return base_url_of(element, feed_url);
}

std::string scope_base_of(const tinyxml2::XMLElement& element, const std::string& feed_url) {
  return has_xml_base(element) ? base_url_of(element, feed_url) : std::string();
}

std::string child_scope_base(const tinyxml2::XMLElement& child, const std::string& feed_url,
                             const std::string& parent_scope) {
  if (child.FindAttribute("xml:base") == nullptr) return parent_scope;
  return base_url_of(child, feed_url);
}

std::string resolve_id(const tinyxml2::XMLElement& element, const std::string& feed_url, std::string id) {
  if (id.starts_with('/') || id.starts_with("./") || id.starts_with("../"))
    return resolve_at(element, feed_url, id);
  return id;
}

std::string resolve_at(const tinyxml2::XMLElement& element, const std::string& feed_url,
                       const std::string& reference) {
  if (reference.empty()) return reference;
  // Against an absolute feed URL every base is absolute, and an absolute reference then resolves
  // alike whatever xml:base says: most links are, which spares the walk up the ancestors.
  if (domain::is_absolute_url(reference) && domain::is_absolute_url(feed_url))
    return domain::resolve_url(feed_url, reference);
  return domain::resolve_url(base_url_of(element, feed_url), reference);
}

}  // namespace pebble::parse::feed_xml
