#pragma once
// gumbo, the HTML5 parser, as the rest of src/html/ uses it: one owned parse tree, and the names of
// its elements and attributes as markup spells them. Internal to src/html/: no header outside this
// folder includes gumbo.
#include <gumbo.h>
#include <string>
#include <string_view>

namespace pebble::html {

// A parse tree, destroyed with the options it was made with.
class GumboTree {
 public:
  // Parses `markup` as a whole document, or, with `fragment`, as the content of a <div> (HTML's
  // fragment algorithm: <html>, <head> and <body> tags are ignored). Parse errors are not recorded.
  GumboTree(std::string_view markup, bool fragment);
  GumboTree(const GumboTree&) = delete;
  GumboTree& operator=(const GumboTree&) = delete;
  ~GumboTree();

  // The <html> element; for a fragment, the parent of its top-level nodes.
  const GumboNode& root() const { return *output_->root; }

 private:
  std::string markup_;  // gumbo's nodes point into the text they were parsed from
  GumboOptions options_;
  GumboOutput* output_;
};

// Whether `node` is an element (a <template> included).
bool is_element(const GumboNode& node);

// An element's name as markup writes it: lower case HTML and MathML names, SVG's camelCase ones
// (foreignObject, linearGradient), the source's spelling (lower-cased) for tags gumbo does not know.
std::string element_name(const GumboNode& element);

// An attribute's name with the prefix its namespace takes in markup (xlink:href, xml:lang, xmlns:xlink).
std::string attribute_name(const GumboAttribute& attribute);

// The text of every text and CDATA node under `node`, in document order.
std::string text_content(const GumboNode& node);

}  // namespace pebble::html
