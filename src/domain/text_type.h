#pragma once
// What a stored text is (feed_items.title_type, summary_type, content_type): plain text, or HTML
// markup that was sanitized before it was stored, so a consumer never has to guess (an Atom
// type="html" title is markup while an RSS title is text).
#include <optional>
#include <string_view>

namespace pebble::domain {

// Plain text, or sanitized HTML.
enum class TextType { kText, kHtml };

// "text" or "html", the stored and printed spelling.
constexpr const char* text_type_name(TextType type) {
  return type == TextType::kHtml ? "html" : "text";
}

// The type a stored spelling names; nullopt for anything else.
constexpr std::optional<TextType> text_type_from_name(std::string_view name) {
  if (name == "text") return TextType::kText;
  if (name == "html") return TextType::kHtml;
  return std::nullopt;
}

}  // namespace pebble::domain
