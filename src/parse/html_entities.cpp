#include "parse/html_entities.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <optional>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <utility>

#include "parse/dtd_entities.h"
#include "parse/parsed_feed.h"
#include "support/html_entities.h"
#include "support/utf8.h"

namespace pebble::parse {

namespace {

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

// XML's own five references: names and the characters they stand for.
struct PredefinedEntity {
  std::string_view name;
  char character;
};
constexpr PredefinedEntity kPredefined[] = {
    {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}};

bool is_predefined(std::string_view name) {
  return std::any_of(std::begin(kPredefined), std::end(kPredefined),
                     [name](const PredefinedEntity& entity) { return entity.name == name; });
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

// The internal DTD entities in effect and how much expanding them has produced so far: the bounds
// keep an entity bomb (billion laughs, quadratic blow-up) a parse error instead of gigabytes.
struct Expansion {
  InternalEntities entities;
  std::size_t expanded_bytes = 0;
};
constexpr std::size_t kMaxExpandedBytes = 1u << 20;
constexpr int kMaxExpansionDepth = 16;

void rewrite_into(std::string_view xml, Expansion& expansion, int depth, std::string& out);

// Handles the reference starting at `pos` (text[pos] == '&'); returns where scanning resumes.
std::size_t rewrite_reference(std::string_view text, std::size_t pos, Expansion& expansion, int depth,
                              std::string& out) {
  const auto name = reference_name(text, pos);
  if (const auto declared = name ? expansion.entities.find(*name) : expansion.entities.end();
      declared != expansion.entities.end()) {
    expansion.expanded_bytes += declared->second.size();
    if (depth >= kMaxExpansionDepth || expansion.expanded_bytes > kMaxExpandedBytes) {
      throw FeedParseError("entity expansion beyond " + std::to_string(kMaxExpandedBytes) + " bytes or " +
                           std::to_string(kMaxExpansionDepth) + " levels (an entity bomb?)");
    }
    rewrite_into(declared->second, expansion, depth + 1, out);
    return pos + name->size() + 2;
  }
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
  } else if (const support::HtmlEntity* entity = numeric ? nullptr : support::find_html_entity(*name)) {
    out += "&#" + std::to_string(static_cast<std::uint32_t>(entity->first)) + ";";
    if (entity->second != 0) out += "&#" + std::to_string(static_cast<std::uint32_t>(entity->second)) + ";";
  } else {
    out += "&amp;";  // unknown (perhaps DTD-defined) names and malformed numbers stay literal text
    return pos + 1;
  }
  return resume;
}

// The code point of a numeric reference in text (an XML-forbidden character becomes U+FFFD);
// nullopt leaves the `&` literal, as a malformed number is text that happens to contain one.
std::optional<char32_t> numeric_reference_code_point(std::string_view name) {
  const auto value = numeric_reference_value(name);
  if (!value) return std::nullopt;
  return is_xml_char(*value) ? static_cast<char32_t>(*value) : U'\uFFFD';
}

// XML's own five references at `pos` (text[pos] == '&'), told apart without a search for the `;`:
// escaped HTML is made of them. The character and the reference's length, or length 0.
std::pair<char, std::size_t> predefined_reference(std::string_view text, std::size_t pos) {
  const std::string_view rest = text.substr(pos + 1, 5);
  for (const PredefinedEntity& entity : kPredefined) {
    if (rest.starts_with(entity.name) && rest.size() > entity.name.size() &&
        rest[entity.name.size()] == ';') {
      return {entity.character, entity.name.size() + 2};
    }
  }
  return {0, 0};
}

// Appends what the reference at `pos` (text[pos] == '&') stands for, or a literal `&` when it is
// none; returns where reading resumes.
std::size_t append_reference(std::string_view text, std::size_t pos, std::string& out) {
  if (const auto [character, length] = predefined_reference(text, pos); length != 0) {
    out += character;
    return pos + length;
  }
  // Unknown names stay literal: they are text that happens to contain an `&`.
  const auto name = reference_name(text, pos);
  if (name && !name->empty() && (*name)[0] == '#') {
    if (const auto code_point = numeric_reference_code_point(*name)) {
      support::append_utf8(out, *code_point);
      return pos + name->size() + 2;
    }
  } else if (const support::HtmlEntity* entity = name ? support::find_html_entity(*name) : nullptr) {
    support::append_html_entity(*entity, out);
    return pos + name->size() + 2;
  }
  out += '&';
  return pos + 1;
}

// The bytes of `block` append_character_data must look at, each marked by its high bit: a control
// character (line ends included) or `&`. Exact per byte (no borrows between bytes), so every mark
// is a real hit and the scan may trust the lowest one.
std::uint64_t special_bytes(std::uint64_t block) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  const auto zero_bytes = [](std::uint64_t word) { return ~(((word & kLow7) + kLow7) | word | kLow7); };
  return zero_bytes(block & (kOnes * 0xE0)) | zero_bytes(block ^ (kOnes * '&'));
}

// Where the next byte special_bytes would mark is, at or after `pos`, or the end of `text`.
std::size_t next_special(std::string_view text, std::size_t pos) {
  const std::size_t size = text.size();
#if defined(__SSE2__)
  // Sixteen bytes at a time where every x86-64 CPU can: this runs over every byte of every value.
  while (pos + 16 <= size) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + pos));
    const __m128i controls =
        _mm_cmpeq_epi8(_mm_and_si128(block, _mm_set1_epi8(static_cast<char>(0xE0))), _mm_setzero_si128());
    const __m128i ampersands = _mm_cmpeq_epi8(block, _mm_set1_epi8('&'));
    if (const int marks = _mm_movemask_epi8(_mm_or_si128(controls, ampersands)); marks != 0) {
      return pos + static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(marks)));
    }
    pos += 16;
  }
#endif
  while (pos + sizeof(std::uint64_t) <= size) {
    std::uint64_t block = 0;
    std::memcpy(&block, text.data() + pos, sizeof block);
    if (const std::uint64_t marks = special_bytes(block); marks != 0) {
      if constexpr (std::endian::native == std::endian::little) {
        return pos + static_cast<std::size_t>(std::countr_zero(marks)) / 8;
      }
      break;
    }
    pos += sizeof block;
  }
  while (pos < size && static_cast<unsigned char>(text[pos]) >= 0x20 && text[pos] != '&') ++pos;
  return pos;
}

}  // namespace

void append_character_data(std::string_view raw, bool references, bool line_ends, std::string& out) {
  std::size_t pos = 0;
  while (pos < raw.size()) {
    const std::size_t special = next_special(raw, pos);
    out.append(raw.data() + pos, special - pos);
    if (special == raw.size()) break;
    pos = special + 1;
    const char c = raw[special];
    if (c == '&' && references) {
      pos = append_reference(raw, special, out);
    } else if (c == '\r' && line_ends) {
      out += '\n';
      // Forbidden controls are dropped, so CR NUL LF is still one line end.
      while (pos < raw.size() && !is_allowed_byte(raw[pos])) ++pos;
      if (pos < raw.size() && raw[pos] == '\n') ++pos;
    } else if (is_allowed_byte(c)) {
      out += c;
    }
  }
}

namespace {

void rewrite_into(std::string_view xml, Expansion& expansion, int depth, std::string& out) {
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
        const std::size_t end = doctype_end(xml, pos);
        if (depth == 0) expansion.entities = read_internal_entities(xml.substr(pos, end - pos));
        pos = end;
      } else {
        out += c;
        ++pos;
      }
    } else if (c == '&') {
      pos = rewrite_reference(xml, pos, expansion, depth, out);
    } else {
      const std::size_t end = next_markup(xml, pos);
      append_allowed(xml.substr(pos, end - pos), out);
      pos = end;
    }
  }
}

}  // namespace

std::string rewrite_entities(std::string_view xml) {
  std::string out;
  out.reserve(xml.size() + xml.size() / 16);
  Expansion expansion;
  rewrite_into(xml, expansion, 0, out);
  return out;
}

}  // namespace pebble::parse
