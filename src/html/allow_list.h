#pragma once
// What sanitized HTML may hold (man pebble-poll-feeds, SANITIZING): the elements and attributes of
// text formatting, links, lists, tables, images and media, and inline SVG and MathML, as
// feedparser's and Miniflux's allow-lists keep them; nothing that runs, loads a page inside the
// page, submits a form or restyles the reader.
#include <string_view>

namespace pebble::html {

// The namespace an element is in.
enum class ElementSpace { kHtml, kSvg, kMathMl };

// What becomes of an element of the content.
enum class ElementRule {
  kKeep,            // kept with its allowed attributes
  kUnwrap,          // the tag goes, its content stays (unknown elements, <font>, <form>, <object>…)
  kDrop,            // the element and its content go (<script>, <style>, <template>, <svg><animate>)
  kReparseContent,  // the tag goes, its text is fallback markup, sanitized in turn (<iframe>, <noembed>)
};

// The rule for the element `name` (as gumbo_tree.h's element_name spells it) of `space`.
ElementRule element_rule(ElementSpace space, std::string_view name);

// Whether the attribute `name` (namespace prefix included) is kept on an element of `space`.
bool is_allowed_attribute(ElementSpace space, std::string_view name);

// Whether HTML's element `name` is void: never has content, printed `<br />`.
bool is_void_element(std::string_view name);

}  // namespace pebble::html
