#include "html/gumbo_tree.h"

#include <vector>

#include "support/ascii_text.h"

namespace pebble::html {

GumboTree::GumboTree(std::string_view markup, bool fragment)
    : markup_(markup), options_(kGumboDefaultOptions) {
  options_.max_errors = 0;  // nobody reads them, and recording them costs
  if (fragment) {
    options_.fragment_context = GUMBO_TAG_DIV;
    options_.fragment_namespace = GUMBO_NAMESPACE_HTML;
  }
  output_ = gumbo_parse_with_options(&options_, markup_.data(), markup_.size());
}

GumboTree::~GumboTree() {
  gumbo_destroy_output(&options_, output_);
}

bool is_element(const GumboNode& node) {
  return node.type == GUMBO_NODE_ELEMENT || node.type == GUMBO_NODE_TEMPLATE;
}

std::string element_name(const GumboNode& element) {
  const GumboElement& data = element.v.element;
  GumboStringPiece original = data.original_tag;
  // Elements the tree builder made up (an implied <tbody>) have no source text.
  if (original.length > 0) gumbo_tag_from_original_text(&original);
  if (data.tag_namespace == GUMBO_NAMESPACE_SVG && original.length > 0) {
    if (const char* camel = gumbo_normalize_svg_tagname(&original)) return camel;
  }
  if (data.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(data.tag);
  return support::ascii_lower(std::string_view(original.data, original.length));
}

std::string attribute_name(const GumboAttribute& attribute) {
  switch (attribute.attr_namespace) {
    case GUMBO_ATTR_NAMESPACE_XLINK:
      return std::string("xlink:") + attribute.name;
    case GUMBO_ATTR_NAMESPACE_XML:
      return std::string("xml:") + attribute.name;
    case GUMBO_ATTR_NAMESPACE_XMLNS:
      return std::string_view(attribute.name) == "xmlns" ? "xmlns" : std::string("xmlns:") + attribute.name;
    case GUMBO_ATTR_NAMESPACE_NONE:
      break;
  }
  return attribute.name;
}

std::string text_content(const GumboNode& node) {
  std::string text;
  // Iterative: a document may nest deeper than the stack should be asked to go.
  std::vector<const GumboNode*> pending{&node};
  while (!pending.empty()) {
    const GumboNode* current = pending.back();
    pending.pop_back();
    if (current->type == GUMBO_NODE_TEXT || current->type == GUMBO_NODE_CDATA ||
        current->type == GUMBO_NODE_WHITESPACE) {
      text += current->v.text.text;
    } else if (is_element(*current)) {
      const GumboVector& children = current->v.element.children;
      for (unsigned int i = children.length; i > 0; --i) {
        pending.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
      }
    }
  }
  return text;
}

}  // namespace pebble::html
