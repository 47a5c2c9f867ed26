#include "html/css_filter.h"

#include <array>
#include <cctype>

#include "support/ascii_text.h"

namespace pebble::html {

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& names, std::string_view name) {
  for (const std::string_view known : names) {
    if (known == name) return true;
  }
  return false;
}

// Properties kept with any value of plain words, numbers and colors.
bool is_kept_property(std::string_view name) {
  static constexpr std::array<std::string_view, 33> kNames{"background-color",
                                                           "border-collapse",
                                                           "border-color",
                                                           "clear",
                                                           "color",
                                                           "direction",
                                                           "display",
                                                           "float",
                                                           "font",
                                                           "font-family",
                                                           "font-size",
                                                           "font-style",
                                                           "font-variant",
                                                           "font-weight",
                                                           "height",
                                                           "letter-spacing",
                                                           "line-height",
                                                           "list-style-type",
                                                           "max-height",
                                                           "max-width",
                                                           "min-height",
                                                           "min-width",
                                                           "overflow",
                                                           "text-align",
                                                           "text-decoration",
                                                           "text-indent",
                                                           "text-transform",
                                                           "unicode-bidi",
                                                           "vertical-align",
                                                           "white-space",
                                                           "width",
                                                           "word-spacing",
                                                           "word-wrap"};
  return contains(kNames, name);
}

// Shorthands whose every word must be a keyword of kKeywords or a number, length or color.
bool is_shorthand_property(std::string_view name) {
  for (const std::string_view prefix : {"background", "border", "margin", "padding"}) {
    if (name == prefix ||
        (name.starts_with(prefix) && name.size() > prefix.size() && name[prefix.size()] == '-'))
      return true;
  }
  return false;
}

bool is_keyword(std::string_view word) {
  static constexpr std::array<std::string_view, 40> kKeywords{
      "!important", "aqua",  "auto",    "black",    "block",  "blue",        "bold",      "both",
      "bottom",     "brown", "center",  "collapse", "dashed", "dotted",      "double",    "fuchsia",
      "gray",       "green", "inherit", "italic",   "left",   "lime",        "maroon",    "medium",
      "navy",       "none",  "normal",  "nowrap",   "olive",  "purple",      "red",       "right",
      "silver",     "solid", "teal",    "thin",     "top",    "transparent", "underline", "white"};
  return contains(kKeywords, word);
}

// A number with an optional unit or %, or a #hex color.
bool is_number_or_color(std::string_view word) {
  if (word.starts_with('#')) {
    word.remove_prefix(1);
    if (word.empty() || word.size() > 8) return false;
    for (const char c : word) {
      if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
    }
    return true;
  }
  if (word.starts_with('-') || word.starts_with('+')) word.remove_prefix(1);
  std::size_t digits = 0;
  while (digits < word.size() &&
         (std::isdigit(static_cast<unsigned char>(word[digits])) || word[digits] == '.'))
    ++digits;
  if (digits == 0) return false;
  const std::string_view unit = word.substr(digits);
  static constexpr std::array<std::string_view, 12> kUnits{"",   "%",  "px", "em", "ex",  "pt",
                                                           "pc", "cm", "mm", "in", "rem", "vw"};
  return contains(kUnits, unit);
}

// Only words, numbers, colors, quoted font names and rgb()/rgba()/hsl()/hsla() of numbers: no
// url(), expression(), escapes, comments or at-rules can hide in what is left.
bool is_plain_value(std::string_view value) {
  std::size_t pos = 0;
  while (pos < value.size()) {
    const char c = value[pos];
    if (std::isalnum(static_cast<unsigned char>(c)) || std::isspace(static_cast<unsigned char>(c)) ||
        c == '#' || c == '%' || c == '.' || c == ',' || c == '-' || c == '!' || c == '+') {
      ++pos;
    } else if (c == '"' || c == '\'') {
      const std::size_t close = value.find(c, pos + 1);
      if (close == std::string_view::npos) return false;
      for (const char inside : value.substr(pos + 1, close - pos - 1)) {
        if (!std::isalnum(static_cast<unsigned char>(inside)) && inside != ' ' && inside != '-') return false;
      }
      pos = close + 1;
    } else if (c == '(') {
      std::size_t name = pos;
      while (name > 0 && std::isalpha(static_cast<unsigned char>(value[name - 1]))) --name;
      const std::string function = support::ascii_lower(value.substr(name, pos - name));
      if (function != "rgb" && function != "rgba" && function != "hsl" && function != "hsla") return false;
      const std::size_t close = value.find(')', pos);
      if (close == std::string_view::npos) return false;
      for (const char inside : value.substr(pos + 1, close - pos - 1)) {
        if (!std::isdigit(static_cast<unsigned char>(inside)) && inside != ',' && inside != '.' &&
            inside != '%' && inside != ' ')
          return false;
      }
      pos = close + 1;
    } else {
      return false;
    }
  }
  return true;
}

bool is_shorthand_value(std::string_view value) {
  std::size_t pos = 0;
  while (pos < value.size()) {
    while (pos < value.size() && std::isspace(static_cast<unsigned char>(value[pos]))) ++pos;
    std::size_t end = pos;
    while (end < value.size() && !std::isspace(static_cast<unsigned char>(value[end]))) ++end;
    const std::string word = support::ascii_lower(value.substr(pos, end - pos));
    if (!word.empty() && !is_keyword(word) && !is_number_or_color(word)) return false;
    pos = end;
  }
  return true;
}

}  // namespace

std::optional<std::string> filter_style(std::string_view style) {
  std::string kept;
  std::size_t pos = 0;
  while (pos <= style.size()) {
    const std::size_t semicolon = std::min(style.find(';', pos), style.size());
    const std::string_view declaration = style.substr(pos, semicolon - pos);
    pos = semicolon + 1;
    const std::size_t colon = declaration.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string property = support::ascii_lower(trim(declaration.substr(0, colon)));
    const std::string_view value = trim(declaration.substr(colon + 1));
    if (value.empty() || !is_plain_value(value)) continue;
    if (!is_kept_property(property) && !(is_shorthand_property(property) && is_shorthand_value(value)))
      continue;
    if (!kept.empty()) kept += ' ';
    kept.append(property).append(": ").append(value).append(";");
  }
  if (kept.empty()) return std::nullopt;
  return kept;
}

}  // namespace pebble::html
