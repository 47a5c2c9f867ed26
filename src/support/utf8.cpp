#include "support/utf8.h"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

namespace pebble::support {

namespace {

// What a UTF-8 lead byte allows: the sequence's length (0: never a lead byte) and the range of
// the second byte, which per Unicode Table 3-7 also excludes overlong forms, surrogates and code
// points past U+10FFFF, so validation needs no code point assembled.
struct LeadRule {
  std::uint8_t length = 0;
  std::uint8_t second_min = 0x80;
  std::uint8_t second_max = 0xBF;
};

constexpr std::array<LeadRule, 256> make_lead_rules() {
  std::array<LeadRule, 256> rules{};
  for (int lead = 0; lead < 0x80; ++lead) rules[static_cast<std::size_t>(lead)].length = 1;
  for (int lead = 0xC2; lead <= 0xDF; ++lead) rules[static_cast<std::size_t>(lead)].length = 2;
  for (int lead = 0xE0; lead <= 0xEF; ++lead) rules[static_cast<std::size_t>(lead)].length = 3;
  for (int lead = 0xF0; lead <= 0xF4; ++lead) rules[static_cast<std::size_t>(lead)].length = 4;
  rules[0xE0].second_min = 0xA0;  // overlong
  rules[0xED].second_max = 0x9F;  // UTF-16 surrogates
  rules[0xF0].second_min = 0x90;  // overlong
  rules[0xF4].second_max = 0x8F;  // past U+10FFFF
  return rules;
}

constexpr std::array<LeadRule, 256> kLeadRules = make_lead_rules();

// The length of the well-formed multi-byte sequence at `pos` (data[pos] >= 0x80), 0 when it is
// not one. Selects rather than branches on the length: text mixing two- and three-byte
// characters would otherwise mispredict at nearly every character.
inline std::size_t well_formed_length(const unsigned char* data, std::size_t pos, std::size_t size) {
  const LeadRule rule = kLeadRules[data[pos]];
  if (rule.length == 0 || pos + rule.length > size) return 0;
  const unsigned char second = data[pos + 1];
  const unsigned char third = rule.length >= 3 ? data[pos + 2] : 0x80;
  const unsigned char fourth = rule.length == 4 ? data[pos + 3] : 0x80;
  const bool valid = second >= rule.second_min && second <= rule.second_max && (third & 0xC0) == 0x80 &&
                     (fourth & 0xC0) == 0x80;
  return valid ? rule.length : 0;
}

// Where the first non-ASCII byte at or after `pos` is, or `size`: eight bytes at a time, as most
// text pebble reads is ASCII markup.
std::size_t skip_ascii(const unsigned char* data, std::size_t pos, std::size_t size) {
  while (pos + sizeof(std::uint64_t) <= size) {
    std::uint64_t block = 0;
    std::memcpy(&block, data + pos, sizeof block);
    const std::uint64_t high_bits = block & 0x8080808080808080ULL;
    if (high_bits != 0) {
      if constexpr (std::endian::native == std::endian::little) {
        return pos + static_cast<std::size_t>(std::countr_zero(high_bits)) / 8;
      }
      break;
    }
    pos += sizeof block;
  }
  while (pos < size && data[pos] < 0x80) ++pos;
  return pos;
}

}  // namespace

Utf8Step decode_utf8_step(std::string_view text, std::size_t offset) {
  const auto byte_at = [&](std::size_t index) { return static_cast<unsigned char>(text[index]); };
  const unsigned char lead = byte_at(offset);
  const LeadRule rule = kLeadRules[lead];
  if (rule.length == 1) return {lead, 1, true, false};
  if (rule.length == 0) return {0, 1, false, false};
  constexpr std::array<unsigned char, 5> kLeadPayloadMask = {0, 0, 0x1F, 0x0F, 0x07};
  char32_t code_point = lead & kLeadPayloadMask[rule.length];
  for (std::size_t index = 1; index < rule.length; ++index) {
    if (offset + index >= text.size()) return {0, index, false, true};
    const unsigned char next = byte_at(offset + index);
    const unsigned char low = index == 1 ? rule.second_min : 0x80;
    const unsigned char high = index == 1 ? rule.second_max : 0xBF;
    if (next < low || next > high) return {0, index, false, false};
    code_point = (code_point << 6) | (next & 0x3Fu);
  }
  return {code_point, rule.length, true, false};
}

bool is_valid_utf8(std::string_view bytes) {
  const auto* const data = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t size = bytes.size();
  for (std::size_t pos = skip_ascii(data, 0, size); pos < size; pos = skip_ascii(data, pos, size)) {
    const std::size_t length = well_formed_length(data, pos, size);
    if (length == 0) return false;
    pos += length;
  }
  return true;
}

std::size_t append_repaired_utf8(std::string_view bytes, bool more_follows, std::string& out) {
  // Well-formed runs are copied whole: feeds are tens of megabytes and this may see every byte.
  const auto* const data = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t size = bytes.size();
  std::size_t run_start = 0;
  for (std::size_t pos = skip_ascii(data, 0, size); pos < size; pos = skip_ascii(data, pos, size)) {
    if (const std::size_t length = well_formed_length(data, pos, size); length != 0) {
      pos += length;
      continue;
    }
    const Utf8Step step = decode_utf8_step(bytes, pos);
    out.append(bytes.data() + run_start, pos - run_start);
    if (step.truncated && more_follows) return size - pos;
    out += kUtf8Replacement;
    pos += step.length;
    run_start = pos;
  }
  out.append(bytes.data() + run_start, size - run_start);
  return 0;
}

std::string replace_invalid_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  append_repaired_utf8(bytes, false, out);
  return out;
}

void append_utf8(std::string& out, char32_t code_point) {
  const auto put = [&](std::uint32_t value) { out.push_back(static_cast<char>(value)); };
  if ((code_point >= 0xD800 && code_point <= 0xDFFF) || code_point > 0x10FFFF) code_point = 0xFFFD;
  if (code_point < 0x80) {
    put(code_point);
  } else if (code_point < 0x800) {
    put(0xC0 | (code_point >> 6));
    put(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    put(0xE0 | (code_point >> 12));
    put(0x80 | ((code_point >> 6) & 0x3F));
    put(0x80 | (code_point & 0x3F));
  } else {
    put(0xF0 | (code_point >> 18));
    put(0x80 | ((code_point >> 12) & 0x3F));
    put(0x80 | ((code_point >> 6) & 0x3F));
    put(0x80 | (code_point & 0x3F));
  }
}

}  // namespace pebble::support
