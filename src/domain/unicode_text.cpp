#include "domain/unicode_text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>

namespace pebble::unicode {
namespace {

// A run of code points whose lower-case form is the code point plus `offset`.
struct LowerRun {
  char32_t first;
  char32_t last;
  std::int32_t offset;
  std::uint32_t stride;
};

constexpr LowerRun kLowerRuns[] = {
#include "domain/unicode_lower_table.inc"
};

// Code points whose NFKC form holds / ? # @ : (computed with Python's unicodedata, Unicode 14).
constexpr std::array<char32_t, 19> kNfkcDelimiterSources = {
    0x2047, 0x2048, 0x2049, 0x2100, 0x2101, 0x2105, 0x2106, 0x2A74, 0xFE13, 0xFE16,
    0xFE55, 0xFE56, 0xFE5F, 0xFE6B, 0xFF03, 0xFF0F, 0xFF1A, 0xFF1F, 0xFF20};

constexpr char32_t kCapitalIWithDot = 0x0130;

bool is_continuation(unsigned char byte, unsigned char low = 0x80, unsigned char high = 0xBF) {
  return byte >= low && byte <= high;
}

char32_t lower_code_point(char32_t code_point) {
  auto after = std::upper_bound(std::begin(kLowerRuns), std::end(kLowerRuns), code_point,
                                [](char32_t value, const LowerRun& run) { return value < run.first; });
  if (after == std::begin(kLowerRuns)) return code_point;
  const LowerRun& run = *std::prev(after);
  if (code_point > run.last || (code_point - run.first) % run.stride != 0) return code_point;
  return static_cast<char32_t>(static_cast<std::int64_t>(code_point) + run.offset);
}

}  // namespace

DecodedStep decode_utf8_step(std::string_view text, std::size_t offset) {
  const auto byte_at = [&](std::size_t index) { return static_cast<unsigned char>(text[index]); };
  const unsigned char lead = byte_at(offset);
  if (lead < 0x80) return {lead, 1, true};
  std::size_t needed = 0;
  char32_t code_point = 0;
  unsigned char second_low = 0x80;
  unsigned char second_high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    needed = 1;
    code_point = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    needed = 2;
    code_point = lead & 0x0Fu;
    if (lead == 0xE0) second_low = 0xA0;   // no overlong forms
    if (lead == 0xED) second_high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    needed = 3;
    code_point = lead & 0x07u;
    if (lead == 0xF0) second_low = 0x90;
    if (lead == 0xF4) second_high = 0x8F;  // nothing above U+10FFFF
  } else {
    return {0, 1, false};
  }
  for (std::size_t index = 1; index <= needed; ++index) {
    const bool in_range = offset + index < text.size() &&
                          (index == 1 ? is_continuation(byte_at(offset + index), second_low, second_high)
                                      : is_continuation(byte_at(offset + index)));
    if (!in_range) return {0, index, false};
    code_point = (code_point << 6) | (byte_at(offset + index) & 0x3Fu);
  }
  return {code_point, needed + 1, true};
}

void append_utf8(std::string& out, char32_t code_point) {
  const auto put = [&](std::uint32_t value) { out.push_back(static_cast<char>(value)); };
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

std::string replace_invalid_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (std::size_t offset = 0; offset < bytes.size();) {
    const DecodedStep step = decode_utf8_step(bytes, offset);
    if (step.valid) {
      out.append(bytes.substr(offset, step.length));
    } else {
      append_utf8(out, 0xFFFD);
    }
    offset += step.length;
  }
  return out;
}

std::string to_lower(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t offset = 0; offset < text.size();) {
    const DecodedStep step = decode_utf8_step(text, offset);
    if (!step.valid) {
      out.append(text.substr(offset, step.length));
    } else if (step.code_point == kCapitalIWithDot) {
      append_utf8(out, U'i');  // the one lower-case mapping to two code points: i + combining dot
      append_utf8(out, 0x0307);
    } else {
      append_utf8(out, lower_code_point(step.code_point));
    }
    offset += step.length;
  }
  return out;
}

bool nfkc_yields_url_delimiter(char32_t code_point) {
  return std::binary_search(kNfkcDelimiterSources.begin(), kNfkcDelimiterSources.end(), code_point);
}

}  // namespace pebble::unicode
