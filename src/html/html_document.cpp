#include "html/html_document.h"

#include <vector>

#include "html/gumbo_tree.h"
#include "html/nesting_guard.h"
#include "support/ascii_text.h"

namespace pebble::html {

namespace {

const GumboNode& node_of(const void* node) {
  return *static_cast<const GumboNode*>(node);
}

std::string_view until_too_deep(std::string_view markup) {
  return markup.substr(0, nesting_exceeded_at(markup));
}

}  // namespace

std::string HtmlElement::name() const {
  return element_name(node_of(node_));
}

std::string_view HtmlElement::space() const {
  switch (node_of(node_).v.element.tag_namespace) {
    case GUMBO_NAMESPACE_SVG:
      return "svg";
    case GUMBO_NAMESPACE_MATHML:
      return "math";
    case GUMBO_NAMESPACE_HTML:
      break;
  }
  return "html";
}

std::optional<std::string> HtmlElement::attribute(std::string_view name) const {
  for (auto& [attribute_name, value] : attributes()) {
    if (support::equals_ignoring_ascii_case(attribute_name, name)) return value;
  }
  return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> HtmlElement::attributes() const {
  std::vector<std::pair<std::string, std::string>> list;
  const GumboVector& attributes = node_of(node_).v.element.attributes;
  for (unsigned int i = 0; i < attributes.length; ++i) {
    const auto& attribute = *static_cast<const GumboAttribute*>(attributes.data[i]);
    list.emplace_back(attribute_name(attribute), attribute.value);
  }
  return list;
}

std::string HtmlElement::text() const {
  return text_content(node_of(node_));
}

struct HtmlDocument::Tree {
  Tree(std::string_view markup, bool fragment) : gumbo(until_too_deep(markup), fragment) {}
  GumboTree gumbo;
};

HtmlDocument::HtmlDocument(std::unique_ptr<Tree> tree) : tree_(std::move(tree)) {}
HtmlDocument::HtmlDocument(HtmlDocument&&) noexcept = default;
HtmlDocument& HtmlDocument::operator=(HtmlDocument&&) noexcept = default;
HtmlDocument::~HtmlDocument() = default;

HtmlDocument HtmlDocument::parse_page(std::string_view markup) {
  return HtmlDocument(std::make_unique<Tree>(markup, false));
}

HtmlDocument HtmlDocument::parse_fragment(std::string_view markup) {
  return HtmlDocument(std::make_unique<Tree>(markup, true));
}

void HtmlDocument::for_each_element(const std::function<void(const HtmlElement&)>& visit) const {
  std::vector<const GumboNode*> pending{&tree_->gumbo.root()};
  while (!pending.empty()) {
    const GumboNode* node = pending.back();
    pending.pop_back();
    if (!is_element(*node)) continue;
    visit(HtmlElement(node));
    const GumboVector& children = node->v.element.children;
    for (unsigned int i = children.length; i > 0; --i)
      pending.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
  }
}

}  // namespace pebble::html
