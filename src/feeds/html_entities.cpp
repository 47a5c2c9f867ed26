#include "feeds/html_entities.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstring>

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

// The value of a numeric reference's name (`#233`, `#xE9`), nullopt when malformed or past U+10FFFF.
std::optional<std::uint32_t> numeric_reference_value(std::string_view name) {
  const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
  const std::string_view digits = name.substr(hex ? 2 : 1);
  if (digits.empty()) return std::nullopt;
  std::uint64_t value = 0;
  for (const char c : digits) {
    const bool digit_ok = hex ? std::isxdigit(static_cast<unsigned char>(c)) != 0
                              : std::isdigit(static_cast<unsigned char>(c)) != 0;
    if (!digit_ok) return std::nullopt;
    value = value * (hex ? 16 : 10) + static_cast<std::uint64_t>(std::isdigit(static_cast<unsigned char>(c))
                                                                     ? c - '0'
                                                                     : std::tolower(c) - 'a' + 10);
    if (value > 0x10FFFF) return std::nullopt;
  }
  return static_cast<std::uint32_t>(value);
}

bool is_predefined(std::string_view name) {
  constexpr std::array<std::string_view, 5> kPredefined = {"lt", "gt", "amp", "quot", "apos"};
  return std::find(kPredefined.begin(), kPredefined.end(), name) != kPredefined.end();
}

// The name of the reference starting at `pos` (text[pos] == '&'), between `&` and `;`; nullopt
// when no `;` follows closely enough for it to be a reference at all.
std::optional<std::string_view> reference_name(std::string_view text, std::size_t pos) {
  constexpr std::size_t kLongestName = 32;
  const std::size_t semicolon = text.find(';', pos + 1);
  if (semicolon == std::string_view::npos || semicolon - pos > kLongestName) return std::nullopt;
  return text.substr(pos + 1, semicolon - pos - 1);
}

// Whether the reference `&name;` is kept exactly as written: one of XML's five, or a numeric
// reference to a character XML allows.
bool is_kept_reference(std::string_view name) {
  if (name.empty() || name[0] != '#') return is_predefined(name);
  const auto value = numeric_reference_value(name);
  return value && is_xml_char(*value);
}

// Handles the reference starting at `pos` (text[pos] == '&'); returns where scanning resumes.
std::size_t rewrite_reference(std::string_view text, std::size_t pos, std::string& out) {
  const auto name = reference_name(text, pos);
  if (!name) {
    out += "&amp;";
    return pos + 1;
  }
  const std::size_t resume = pos + name->size() + 2;
  const bool numeric = !name->empty() && (*name)[0] == '#';
  if (is_kept_reference(*name)) {
    out.append(text.substr(pos, resume - pos));
  } else if (numeric && numeric_reference_value(*name)) {
    out += "&#xFFFD;";
  } else if (const auto code_point = numeric ? std::nullopt : html_entity_code_point(*name)) {
    out += "&#" + std::to_string(static_cast<std::uint32_t>(*code_point)) + ";";
  } else {
    out += "&amp;";  // unknown (perhaps DTD-defined) names and malformed numbers stay literal text
    return pos + 1;
  }
  return resume;
}

// The bytes of `block` that could matter to rewrite_entities, each marked by its high bit: a
// control character, `&`, or the `!` of a `<!DOCTYPE`. Word-at-a-time tests let the scan skip
// clean text eight bytes at a time; borrows can mark bytes above a true hit, never below one, so
// the lowest mark is exact.
std::uint64_t bytes_that_may_matter(std::uint64_t block) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  const auto zero_bytes = [](std::uint64_t word) { return (word - kOnes) & ~word & kHighBits; };
  const std::uint64_t controls = (block - kOnes * 0x20) & ~block & kHighBits;
  return controls | zero_bytes(block ^ (kOnes * '&')) | zero_bytes(block ^ (kOnes * '!'));
}

// Whether the byte at `pos` (one block_may_matter flagged) is one rewrite_entities would change.
bool byte_needs_rewrite(std::string_view xml, std::size_t pos) {
  const char c = xml[pos];
  if (c == '&') {
    const auto name = reference_name(xml, pos);
    return !name || !is_kept_reference(*name);
  }
  if (c == '!') return pos > 0 && xml[pos - 1] == '<' && starts_with_doctype(xml, pos - 1);
  return !is_allowed_byte(c);
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

bool needs_entity_rewrite(std::string_view xml) {
  // An `&` or `<!DOCTYPE` inside CDATA or a comment also answers yes, which merely costs the copy.
  const std::size_t size = xml.size();
  std::size_t pos = 0;
  while (pos < size) {
    if (pos + sizeof(std::uint64_t) <= size) {
      std::uint64_t block = 0;
      std::memcpy(&block, xml.data() + pos, sizeof block);
      const std::uint64_t marks = bytes_that_may_matter(block);
      if (marks == 0) {
        pos += sizeof block;
        continue;
      }
      if constexpr (std::endian::native == std::endian::little) {
        pos += static_cast<std::size_t>(std::countr_zero(marks)) / 8;
      }
    }
    if (byte_needs_rewrite(xml, pos)) return true;
    ++pos;
  }
  return false;
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
