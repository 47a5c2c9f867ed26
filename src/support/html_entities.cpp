#include "support/html_entities.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>

#include "support/ascii_text.h"
#include "support/utf8.h"

namespace pebble::support {

namespace {

constexpr HtmlEntity kEntities[] = {
#include "support/html_entity_table.inc"
};

// For each first byte, where the names starting with it begin in kEntities: the binary search
// then runs over one letter's few dozen names, as feeds full of `&eacute;` pay it per reference.
constexpr std::array<std::uint16_t, 129> make_first_byte_starts() {
  std::array<std::uint16_t, 129> starts{};
  std::size_t index = 0;
  for (std::size_t byte = 0; byte < 128; ++byte) {
    while (index < std::size(kEntities) && static_cast<unsigned char>(kEntities[index].name[0]) < byte)
      ++index;
    starts[byte] = static_cast<std::uint16_t>(index);
  }
  starts[128] = static_cast<std::uint16_t>(std::size(kEntities));
  return starts;
}

constexpr std::array<std::uint16_t, 129> kFirstByteStarts = make_first_byte_starts();

constexpr std::size_t kLongestName = 31;       // "CounterClockwiseContourIntegral"
constexpr std::size_t kLongestLegacyName = 6;  // "middot", "frac34", ...
constexpr std::size_t kLongestNumeric = 10;    // after `&`: "#x10FFFF" and short zero-padded forms

int digit_value(char c, bool hex) {
  if (hex) return ascii_hex_value(c);
  return is_ascii_digit(c) ? c - '0' : -1;
}

// The code point of a numeric reference's body (after `#`: `233`, `xE9`), or -1 when malformed;
// values past U+10FFFF are clamped to 0x110000 so they stay invalid without overflowing.
std::int64_t numeric_value(std::string_view body) {
  const bool hex = !body.empty() && (body[0] == 'x' || body[0] == 'X');
  const std::string_view digits = hex ? body.substr(1) : body;
  if (digits.empty()) return -1;
  std::int64_t value = 0;
  for (const char c : digits) {
    const int digit = digit_value(c, hex);
    if (digit < 0) return -1;
    value = std::min<std::int64_t>(value * (hex ? 16 : 10) + digit, 0x110000);
  }
  return value;
}

// Decodes the reference at text[pos] == '&' into `out`; returns where reading resumes, or `pos`
// when there is no reference there (the caller then keeps the `&`).
std::size_t decode_reference_at(std::string_view text, std::size_t pos, HtmlReferenceContext context,
                                std::string& out) {
  const std::string_view rest = text.substr(pos + 1);
  const std::size_t semicolon = rest.substr(0, kLongestName + 1).find(';');
  if (!rest.empty() && rest[0] == '#') {
    if (semicolon > kLongestNumeric) return pos;  // none near enough (npos is larger too)
    const std::int64_t value = numeric_value(rest.substr(1, semicolon - 1));
    if (value < 0) return pos;
    append_utf8(out, value == 0 ? char32_t{0xFFFD} : static_cast<char32_t>(value));
    return pos + semicolon + 2;
  }
  if (semicolon != std::string_view::npos) {
    if (const HtmlEntity* entity = find_html_entity(rest.substr(0, semicolon))) {
      append_html_entity(*entity, out);
      return pos + semicolon + 2;
    }
  }
  const HtmlEntity* legacy = longest_legacy_entity_prefix(rest);
  if (legacy == nullptr) return pos;
  const std::size_t after = legacy->name.size();
  if (context == HtmlReferenceContext::attribute && after < rest.size() &&
      (rest[after] == '=' || is_ascii_alphanumeric(rest[after]))) {
    return pos;
  }
  append_html_entity(*legacy, out);
  return pos + 1 + after;
}

}  // namespace

const HtmlEntity* find_html_entity(std::string_view name) {
  if (name.empty() || static_cast<unsigned char>(name[0]) >= 128) return nullptr;
  const auto first = static_cast<unsigned char>(name[0]);
  const auto* const begin = std::begin(kEntities) + kFirstByteStarts[first];
  const auto* const end = std::begin(kEntities) + kFirstByteStarts[first + 1];
  const auto* const found = std::lower_bound(
      begin, end, name,
      [](const HtmlEntity& entity, std::string_view wanted) { return entity.name < wanted; });
  return found == end || found->name != name ? nullptr : found;
}

const HtmlEntity* longest_legacy_entity_prefix(std::string_view text) {
  for (std::size_t length = std::min(text.size(), kLongestLegacyName); length >= 2; --length) {
    const HtmlEntity* entity = find_html_entity(text.substr(0, length));
    if (entity != nullptr && entity->legacy) return entity;
  }
  return nullptr;
}

void append_html_entity(const HtmlEntity& entity, std::string& out) {
  append_utf8(out, entity.first);
  if (entity.second != 0) append_utf8(out, entity.second);
}

std::string decode_html_references(std::string_view text, HtmlReferenceContext context) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t amp = text.find('&', pos);
    if (amp == std::string_view::npos) break;
    out.append(text.substr(pos, amp - pos));
    const std::size_t resume = decode_reference_at(text, amp, context, out);
    if (resume == amp) {
      out.push_back('&');
      pos = amp + 1;
    } else {
      pos = resume;
    }
  }
  if (pos < text.size()) out.append(text.substr(pos));
  return out;
}

}  // namespace pebble::support
