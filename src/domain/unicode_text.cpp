#include "domain/unicode_text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>

#include "support/utf8.h"

namespace pebble::domain::unicode {
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

char32_t lower_code_point(char32_t code_point) {
  auto after = std::upper_bound(std::begin(kLowerRuns), std::end(kLowerRuns), code_point,
                                [](char32_t value, const LowerRun& run) { return value < run.first; });
  if (after == std::begin(kLowerRuns)) return code_point;
  const LowerRun& run = *std::prev(after);
  if (code_point > run.last || (code_point - run.first) % run.stride != 0) return code_point;
  return static_cast<char32_t>(static_cast<std::int64_t>(code_point) + run.offset);
}

}  // namespace

std::string to_lower(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t offset = 0; offset < text.size();) {
    const support::Utf8Step step = support::decode_utf8_step(text, offset);
    if (!step.valid) {
      out.append(text.substr(offset, step.length));
    } else if (step.code_point == kCapitalIWithDot) {
      support::append_utf8(out, U'i');  // the one lower-case mapping to two code points: i + combining dot
      support::append_utf8(out, 0x0307);
    } else {
      support::append_utf8(out, lower_code_point(step.code_point));
    }
    offset += step.length;
  }
  return out;
}

bool nfkc_yields_url_delimiter(char32_t code_point) {
  return std::binary_search(kNfkcDelimiterSources.begin(), kNfkcDelimiterSources.end(), code_point);
}

}  // namespace pebble::domain::unicode
