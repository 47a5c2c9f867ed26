#pragma once
// A parsed HTML page or fragment behind a std-only interface, for reading what a page says about
// itself (title, <meta>, <link rel=alternate>) and for checking sanitized markup; gumbo stays in
// this folder.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pebble::html {

// One element met while walking a document; valid only during the visit.
class HtmlElement {
 public:
  // The name as markup writes it (gumbo_tree.h's element_name): "meta", "svg", "foreignObject".
  std::string name() const;
  // "html", "svg" or "math".
  std::string_view space() const;
  // The value of the attribute `name` (a prefixed one written "xlink:href"), nullopt when absent.
  std::optional<std::string> attribute(std::string_view name) const;
  // Every attribute, in document order, as (name, value).
  std::vector<std::pair<std::string, std::string>> attributes() const;
  // The text of everything inside the element.
  std::string text() const;

 private:
  friend class HtmlDocument;
  explicit HtmlElement(const void* node) : node_(node) {}
  const void* node_;  // a GumboNode
};

// A parsed document; markup nested deeper than nesting_guard.h allows is parsed up to that point.
class HtmlDocument {
 public:
  // Parses a whole page (<html>, <head> and <body> implied when missing).
  static HtmlDocument parse_page(std::string_view markup);
  // Parses content as the inside of a <div>, as sanitize_html reads it.
  static HtmlDocument parse_fragment(std::string_view markup);

  HtmlDocument(HtmlDocument&&) noexcept;
  HtmlDocument& operator=(HtmlDocument&&) noexcept;
  ~HtmlDocument();

  // Calls `visit` for every element, in document order (parents before their children).
  void for_each_element(const std::function<void(const HtmlElement&)>& visit) const;

 private:
  struct Tree;
  explicit HtmlDocument(std::unique_ptr<Tree> tree);
  std::unique_ptr<Tree> tree_;
};

}  // namespace pebble::html
