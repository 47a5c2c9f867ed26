#include "feeds/html_entities.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

namespace pebble {

namespace {

struct NamedEntity {
  std::string_view name;
  std::uint32_t code_point;
};

constexpr NamedEntity kEntities[] = {
#include "feeds/html_entity_table.inc"
};

bool starts_with_at(std::string_view text, std::size_t pos, std::string_view prefix) {
  return text.compare(pos, prefix.size(), prefix) == 0;
}

bool starts_with_doctype(std::string_view text, std::size_t pos) {
  constexpr std::string_view kDoctype = "<!doctype";
  if (pos + kDoctype.size() > text.size()) return false;
  for (std::size_t i = 0; i < kDoctype.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[pos + i])) != kDoctype[i]) return false;
  }
  return true;
}

// Where a DOCTYPE starting at `pos` ends, skipping its internal subset and quoted literals.
std::size_t doctype_end(std::string_view text, std::size_t pos) {
  int bracket_depth = 0;
  char quote = 0;
  for (std::size_t i = pos + 2; i < text.size(); ++i) {
    const char c = text[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[') {
      ++bracket_depth;
    } else if (c == ']') {
      bracket_depth = std::max(0, bracket_depth - 1);
    } else if (c == '>' && bracket_depth == 0) {
      return i + 1;
    }
  }
  return text.size();
}

bool is_allowed_byte(char c) {
  return static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r';
}

// Appends `text` without the control characters XML forbids, in runs rather than byte by byte.
void append_allowed(std::string_view text, std::string& out) {
  const char* run_start = text.data();
  const char* const end = text.data() + text.size();
  for (const char* cursor = text.data(); cursor != end; ++cursor) {
    if (static_cast<unsigned char>(*cursor) < 0x20 && !is_allowed_byte(*cursor)) {
      out.append(run_start, static_cast<std::size_t>(cursor - run_start));
      run_start = cursor + 1;
    }
  }
  out.append(run_start, static_cast<std::size_t>(end - run_start));
}

// Where the next `<` or `&` is at or after `pos`, or the end.
std::size_t next_markup(std::string_view text, std::size_t pos) {
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  const char* cursor = begin + pos;
  while (cursor != end && *cursor != '<' && *cursor != '&') ++cursor;
  return static_cast<std::size_t>(cursor - begin);
}

// Copies the construct from `pos` through `terminator` (or to the end), dropping forbidden
// control characters: a NUL would end the parser's C string early.
std::size_t copy_through(std::string_view text, std::size_t pos, std::string_view terminator,
                         std::string& out) {
  const std::size_t end = text.find(terminator, pos);
  const std::size_t stop = end == std::string_view::npos ? text.size() : end + terminator.size();
  append_allowed(text.substr(pos, stop - pos), out);
  return stop;
}

bool is_xml_char(std::uint32_t code_point) {
  return code_point == 0x9 || code_point == 0xA || code_point == 0xD ||
         (code_point >= 0x20 && code_point <= 0xD7FF) || (code_point >= 0xE000 && code_point <= 0xFFFD) ||
         (code_point >= 0x10000 && code_point <= 0x10FFFF);
}

// Handles the reference starting at `pos` (text[pos] == '&'); returns where scanning resumes.
std::size_t rewrite_reference(std::string_view text, std::size_t pos, std::string& out) {
  const std::size_t semicolon = text.find(';', pos + 1);
  constexpr std::size_t kLongestName = 32;
  if (semicolon == std::string_view::npos || semicolon - pos > kLongestName) {
    out += "&amp;";
    return pos + 1;
  }
  const std::string_view name = text.substr(pos + 1, semicolon - pos - 1);
  if (!name.empty() && name[0] == '#') {
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    const std::string_view digits = name.substr(hex ? 2 : 1);
    std::uint64_t value = 0;
    bool valid = !digits.empty();
    for (const char c : digits) {
      const bool digit_ok = hex ? std::isxdigit(static_cast<unsigned char>(c)) != 0
                                : std::isdigit(static_cast<unsigned char>(c)) != 0;
      if (!digit_ok) valid = false;
      if (!valid) break;
      value = value * (hex ? 16 : 10) + static_cast<std::uint64_t>(std::isdigit(static_cast<unsigned char>(c))
                                                                       ? c - '0'
                                                                       : std::tolower(c) - 'a' + 10);
      if (value > 0x10FFFF) valid = false;
    }
    if (!valid) {
      out += "&amp;";
      return pos + 1;
    }
    out += is_xml_char(static_cast<std::uint32_t>(value)) ? std::string(text.substr(pos, semicolon + 1 - pos))
                                                          : std::string("&#xFFFD;");
    return semicolon + 1;
  }
  constexpr std::array<std::string_view, 5> kPredefined = {"lt", "gt", "amp", "quot", "apos"};
  if (std::find(kPredefined.begin(), kPredefined.end(), name) != kPredefined.end()) {
    out.append(text.substr(pos, semicolon + 1 - pos));
  } else if (const auto code_point = html_entity_code_point(name)) {
    out += "&#" + std::to_string(static_cast<std::uint32_t>(*code_point)) + ";";
  } else {
    out += "&amp;";  // unknown (perhaps DTD-defined) names stay literal text, never expanded
    return pos + 1;
  }
  return semicolon + 1;
}

}  // namespace

std::optional<char32_t> html_entity_code_point(std::string_view name) {
  const auto* const end = std::end(kEntities);
  const auto* const found = std::lower_bound(
      std::begin(kEntities), end, name,
      [](const NamedEntity& entity, std::string_view wanted) { return entity.name < wanted; });
  if (found == end || found->name != name) return std::nullopt;
  return static_cast<char32_t>(found->code_point);
}

std::string rewrite_entities(std::string_view xml) {
  std::string out;
  out.reserve(xml.size() + xml.size() / 16);
  std::size_t pos = 0;
  while (pos < xml.size()) {
    const char c = xml[pos];
    if (c == '<') {
      if (starts_with_at(xml, pos, "<![CDATA[")) {
        pos = copy_through(xml, pos, "]]>", out);
      } else if (starts_with_at(xml, pos, "<!--")) {
        pos = copy_through(xml, pos, "-->", out);
      } else if (starts_with_at(xml, pos, "<?")) {
        pos = copy_through(xml, pos, "?>", out);
      } else if (starts_with_doctype(xml, pos)) {
        pos = doctype_end(xml, pos);
      } else {
        out += c;
        ++pos;
      }
    } else if (c == '&') {
      pos = rewrite_reference(xml, pos, out);
    } else {
      const std::size_t end = next_markup(xml, pos);
      append_allowed(xml.substr(pos, end - pos), out);
      pos = end;
    }
  }
  return out;
}

}  // namespace pebble
