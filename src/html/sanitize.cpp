#include "html/sanitize.h"

#include <vector>

#include "html/allow_list.h"
#include "html/css_filter.h"
#include "html/gumbo_tree.h"
#include "html/nesting_guard.h"
#include "html/url_attributes.h"
#include "support/markup_escape.h"
#include "support/utf8.h"

namespace pebble::html {

namespace {

constexpr std::string_view kSvgUri = "http://www.w3.org/2000/svg";
constexpr std::string_view kMathMlUri = "http://www.w3.org/1998/Math/MathML";
constexpr std::string_view kXlinkUri = "http://www.w3.org/1999/xlink";

ElementSpace space_of(const GumboNode& element) {
  switch (element.v.element.tag_namespace) {
    case GUMBO_NAMESPACE_SVG:
      return ElementSpace::kSvg;
    case GUMBO_NAMESPACE_MATHML:
      return ElementSpace::kMathMl;
    case GUMBO_NAMESPACE_HTML:
      break;
  }
  return ElementSpace::kHtml;
}

// Where an HTML parser reads the markup inside an element of `space` named `name` as HTML again:
// HTML's own elements, and SVG's and MathML's integration points (desc, title, mi, mo, mn, ms, mtext).
bool holds_html(ElementSpace space, std::string_view name) {
  switch (space) {
    case ElementSpace::kSvg:
      return name == "desc" || name == "title";
    case ElementSpace::kMathMl:
      return name == "mi" || name == "mo" || name == "mn" || name == "ms" || name == "mtext";
    case ElementSpace::kHtml:
      break;
  }
  return true;
}

bool keeps_leading_newline(std::string_view name) {
  return name == "pre" || name == "listing" || name == "textarea";
}

// One fragment's walk over gumbo's tree, printing what is kept into `out`.
class Sanitizer {
 public:
  Sanitizer(std::string_view base_url, int reparses_left, std::string& out)
      : base_url_(base_url), reparses_left_(reparses_left), out_(out) {}

  void sanitize(std::string_view markup) {
    if (nesting_exceeded_at(markup) != std::string_view::npos) {
      out_ += text_without_tags(markup);
      return;
    }
    const GumboTree tree(markup, true);
    walk(tree.root());
  }

 private:
  // The element being printed (or unwrapped), the next child to visit, and what closes it; the
  // namespace of the innermost element printed, and whether HTML printed here reads back as HTML.
  struct Frame {
    const GumboNode* element;
    unsigned int next_child;
    std::string end_tag;
    ElementSpace space;
    bool html_inside;
  };

  // Depth-first without recursion: nesting is bounded by the guard, but not by much.
  void walk(const GumboNode& root) {
    std::vector<Frame> stack{{&root, 0, "", ElementSpace::kHtml, true}};
    while (!stack.empty()) {
      const GumboVector& children = stack.back().element->v.element.children;
      if (stack.back().next_child >= children.length) {
        out_ += stack.back().end_tag;
        stack.pop_back();
        continue;
      }
      const GumboNode& child = *static_cast<const GumboNode*>(children.data[stack.back().next_child++]);
      switch (child.type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
        case GUMBO_NODE_CDATA:
          out_ += support::escape_xml_text(child.v.text.text);
          break;
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE:
          visit_element(child, stack);
          break;
        case GUMBO_NODE_COMMENT:
        case GUMBO_NODE_DOCUMENT:
          break;
      }
    }
  }

  void visit_element(const GumboNode& element, std::vector<Frame>& stack) {
    const ElementSpace space = space_of(element);
    const std::string name = element_name(element);
    const ElementSpace parent_space = stack.back().space;
    const bool html_inside = stack.back().html_inside;
    ElementRule rule = element_rule(space, name);
    // gumbo sometimes leaves HTML inside SVG or MathML where a parser reading the printed markup
    // would not (`</p>` in <math>): printed there, it would come back as something else.
    if (space == ElementSpace::kHtml && !html_inside && rule != ElementRule::kDrop) {
      rule = rule == ElementRule::kReparseContent ? ElementRule::kDrop : ElementRule::kUnwrap;
    }
    switch (rule) {
      case ElementRule::kDrop:
        return;
      case ElementRule::kUnwrap:
        stack.push_back({&element, 0, "", parent_space, html_inside});
        return;
      case ElementRule::kReparseContent:
        if (reparses_left_ > 0)
          Sanitizer(base_url_, reparses_left_ - 1, out_).sanitize(text_content(element));
        return;
      case ElementRule::kKeep:
        break;
    }
    out_ += '<';
    out_ += name;
    // An SVG or MathML element printed inside another namespace declares its own.
    if (space != ElementSpace::kHtml && parent_space != space) {
      out_ += " xmlns=\"";
      out_ += space == ElementSpace::kSvg ? kSvgUri : kMathMlUri;
      out_ += '"';
    }
    write_attributes(element, space, name);
    const GumboVector& children = element.v.element.children;
    if ((space == ElementSpace::kHtml && is_void_element(name)) ||
        (space != ElementSpace::kHtml && children.length == 0)) {
      out_ += " />";
      return;
    }
    out_ += '>';
    // HTML drops a newline right after <pre>: printing one more keeps a leading one that was there.
    if (keeps_leading_newline(name) && children.length > 0) {
      const auto* first = static_cast<const GumboNode*>(children.data[0]);
      if ((first->type == GUMBO_NODE_TEXT || first->type == GUMBO_NODE_WHITESPACE) &&
          first->v.text.text[0] == '\n')
        out_ += '\n';
    }
    stack.push_back({&element, 0, "</" + name + ">", space, holds_html(space, name)});
  }

  void write_attributes(const GumboNode& element, ElementSpace space, const std::string& element_name) {
    const GumboVector& attributes = element.v.element.attributes;
    bool xlink = false;
    for (unsigned int i = 0; i < attributes.length; ++i) {
      const auto& attribute = *static_cast<const GumboAttribute*>(attributes.data[i]);
      const std::string name = attribute_name(attribute);
      if (!is_allowed_attribute(space, name)) continue;
      std::optional<std::string> value = std::string(attribute.value);
      if (name == "style") {
        value = filter_style(*value);
      } else if (name == "srcset") {
        value = safe_srcset(*value, base_url_);
      } else if (is_url_attribute(name)) {
        const bool image = name == "src" && (element_name == "img" || element_name == "source");
        value = safe_url(*value, base_url_, image);
      }
      if (!value) continue;
      xlink = xlink || attribute.attr_namespace == GUMBO_ATTR_NAMESPACE_XLINK;
      out_ += ' ';
      out_ += name;
      out_ += "=\"";
      out_ += support::escape_xml_attribute(*value);
      out_ += '"';
    }
    // The prefix is bound where it is used, so the markup also reads right as XML.
    if (xlink) {
      out_ += " xmlns:xlink=\"";
      out_ += kXlinkUri;
      out_ += '"';
    }
  }

  std::string_view base_url_;
  int reparses_left_;
  std::string& out_;
};

}  // namespace

bool has_markup(std::string_view text) {
  return text.find('<') != std::string_view::npos;
}

std::string sanitize_html(std::string_view markup, std::string_view base_url) {
  if (!has_markup(markup)) return std::string(markup);
  std::string out;
  out.reserve(markup.size());
  // The fallback markup inside an <iframe> is sanitized once; fallback inside that fallback goes.
  Sanitizer(base_url, 1, out).sanitize(markup);
  // gumbo 0.10.1 turns a numeric reference whose number overflows (&#9555…5;) into bytes that are
  // not UTF-8; the store and every reader want UTF-8.
  if (!support::is_valid_utf8(out)) out = support::replace_invalid_utf8(out);
  return out;
}

}  // namespace pebble::html
