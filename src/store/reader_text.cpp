#include "store/reader_text.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "support/ascii_text.h"
#include "support/utf8.h"

namespace pebble::store {

namespace {

// Elements that sit inside a line of text without breaking it (HTML's phrasing content, of the
// ones the sanitizer keeps). postgres_schema.cpp lists the same names in its pattern.
constexpr std::array<std::string_view, 34> kInlineElements{
    "a",    "abbr",   "acronym", "b",   "bdi", "bdo",  "big", "cite", "code", "data", "del",  "dfn",
    "em",   "font",   "i",       "ins", "kbd", "mark", "q",   "rb",   "ruby", "s",    "samp", "small",
    "span", "strike", "strong",  "sub", "sup", "time", "tt",  "u",    "var",  "wbr"};

// `\s` of PostgreSQL's regular expressions, in ASCII.
bool is_space(char byte) {
  return byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r' || byte == '\f' || byte == '\v';
}

bool is_inline_element(std::string_view name) {
  const std::string lower = support::ascii_lower(name);
  return std::find(kInlineElements.begin(), kInlineElements.end(), lower) != kInlineElements.end();
}

// Copies `text`, handing each `marker` byte to `at_marker(rest, out)`, which appends what the text
// from there stands for and returns how many bytes that took; 0 copies the marker as itself. A
// scan from left to right taking the first match, as PostgreSQL's global replacements do.
template <typename AtMarker>
std::string rewrite_at(std::string_view text, char marker, AtMarker at_marker) {
  std::string out;
  out.reserve(text.size());
  std::size_t position = 0;
  while (position < text.size()) {
    const std::size_t found = text.find(marker, position);
    if (found == std::string_view::npos) {
      out.append(text.substr(position));
      break;
    }
    out.append(text.substr(position, found - position));
    const std::size_t taken = at_marker(text.substr(found), out);
    if (taken == 0) out += marker;
    position = found + std::max<std::size_t>(taken, 1);
  }
  return out;
}

// Pass 1: the length of an inline element's tag at the start of `text`, which goes:
// `<(/?)(NAME)(?=[\s/>])[^>]*>`, NAME an inline element in any case.
std::size_t inline_tag(std::string_view text, std::string& /*out*/) {
  std::size_t name_start = 1;
  if (name_start < text.size() && text[name_start] == '/') ++name_start;
  std::size_t name_end = name_start;
  while (name_end < text.size() && !is_space(text[name_end]) && text[name_end] != '/' &&
         text[name_end] != '>')
    ++name_end;
  if (name_end >= text.size() || !is_inline_element(text.substr(name_start, name_end - name_start))) return 0;
  const std::size_t close = text.find('>', name_end);
  return close == std::string_view::npos ? 0 : close + 1;
}

// Pass 2: any other tag at the start of `text` as a space: `<[A-Za-z/!?][^>]*>`.
std::size_t other_tag(std::string_view text, std::string& out) {
  if (text.size() < 2) return 0;
  const char next = text[1];
  if (!support::is_ascii_letter(next) && next != '/' && next != '!' && next != '?') return 0;
  const std::size_t close = text.find('>', 1);
  if (close == std::string_view::npos) return 0;
  out += ' ';
  return close + 1;
}

// Pass 2 too: a no-break space (U+00A0, C2 A0 in UTF-8) at the start of `text` as a space.
std::size_t no_break_space(std::string_view text, std::string& out) {
  if (text.size() < 2 || text[1] != '\xA0') return 0;
  out += ' ';
  return 2;
}

// A numeric reference's character: NUL, a surrogate or past U+10FFFF as U+FFFD, U+00A0 as a space.
void append_code_point(std::uint32_t code_point, std::string& out) {
  if (code_point == 0xA0) {
    out += ' ';
  } else {
    support::append_utf8(out, code_point == 0 ? char32_t{0xFFFD} : static_cast<char32_t>(code_point));
  }
}

// Pass 3: the length of the reference at the start of `text` (0 when there is none), matching
// `&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`, and its text appended.
std::size_t decode_reference(std::string_view text, std::string& out) {
  std::size_t position = 1;
  if (position < text.size() && text[position] == '#') {
    ++position;
    const bool hex = position < text.size() && (text[position] == 'x' || text[position] == 'X');
    if (hex) ++position;
    const std::size_t digits_start = position;
    std::uint32_t code_point = 0;
    while (position < text.size() && position - digits_start < (hex ? 6U : 7U)) {
      const int digit = hex ? support::ascii_hex_value(text[position])
                            : (support::is_ascii_digit(text[position]) ? text[position] - '0' : -1);
      if (digit < 0) break;
      code_point = code_point * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
      ++position;
    }
    if (position == digits_start || position >= text.size() || text[position] != ';') return 0;
    append_code_point(code_point, out);
    return position + 1;
  }
  if (position >= text.size() || !support::is_ascii_letter(text[position])) return 0;
  const std::size_t name_start = position++;
  while (position < text.size() && position - name_start < 32 &&
         support::is_ascii_alphanumeric(text[position]))
    ++position;
  if (position - name_start < 2 || position >= text.size() || text[position] != ';') return 0;
  const std::string_view name = text.substr(name_start, position - name_start);
  if (name == "amp") {
    out += '&';
  } else if (name == "lt") {
    out += '<';
  } else if (name == "gt") {
    out += '>';
  } else if (name == "quot") {
    out += '"';
  } else if (name == "apos") {
    out += '\'';
  } else {
    out += ' ';
  }
  return position + 1;
}

}  // namespace

std::string html_reader_text(std::string_view html) {
  if (html.find_first_of("<&\xC2") == std::string_view::npos) return std::string(html);
  const std::string tagless = rewrite_at(rewrite_at(html, '<', inline_tag), '<', other_tag);
  return rewrite_at(rewrite_at(tagless, '\xC2', no_break_space), '&', decode_reference);
}

std::string reader_text(std::string_view value, std::string_view type) {
  return type == "html" ? html_reader_text(value) : std::string(value);
}

}  // namespace pebble::store
