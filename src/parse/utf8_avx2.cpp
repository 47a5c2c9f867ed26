#include "parse/utf8_avx2.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <array>
#include <cstdint>
#include <cstring>
#include <immintrin.h>

namespace pebble::parse::utf8_avx2 {

namespace {

// Keiser and Lemire, "Validating UTF-8 in less than one instruction per byte" (2021), the
// "lookup" algorithm simdjson ships: every error in a two-byte window shows up as a bit set in
// all three of the tables below (indexed by the high and low nibble of the first byte and the
// high nibble of the second); the one error two bytes cannot see (a missing third or fourth
// continuation byte) is checked against the bytes two and three back.
constexpr std::uint8_t kTooShort = 1 << 0;      // 11______ 0_______ or 11______ 11______
constexpr std::uint8_t kTooLong = 1 << 1;       // 0_______ 10______
constexpr std::uint8_t kOverlong3 = 1 << 2;     // 11100000 100_____
constexpr std::uint8_t kTooLarge = 1 << 3;      // 11110100 1001____ and beyond
constexpr std::uint8_t kSurrogate = 1 << 4;     // 11101101 101_____
constexpr std::uint8_t kOverlong2 = 1 << 5;     // 1100000_ 10______
constexpr std::uint8_t kTooLarge1000 = 1 << 6;  // 11110101 1000____ and beyond
constexpr std::uint8_t kOverlong4 = 1 << 6;     // 11110000 1000____
constexpr std::uint8_t kTwoConts = 1 << 7;      // 10______ 10______
constexpr std::uint8_t kCarry = kTooShort | kTooLong | kTwoConts;

// A 16-entry table repeated in both 128-bit lanes, as vpshufb looks up within each lane.
__attribute__((target("avx2"))) inline __m256i table(const std::array<std::uint8_t, 16>& entries) {
  return _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(entries.data())));
}

__attribute__((target("avx2"))) inline __m256i high_nibbles(__m256i bytes) {
  return _mm256_and_si256(_mm256_srli_epi16(bytes, 4), _mm256_set1_epi8(0x0F));
}

// The block shifted by `N` bytes, the first `N` taken from the end of the previous block.
template <int N>
__attribute__((target("avx2"))) inline __m256i previous(__m256i block, __m256i previous_block) {
  return _mm256_alignr_epi8(block, _mm256_permute2x128_si256(previous_block, block, 0x21), 16 - N);
}

// The errors in `block` given the block before it (whose last three bytes may begin a sequence
// this block finishes): a byte with any bit set means invalid UTF-8.
__attribute__((target("avx2"))) inline __m256i block_errors(__m256i block, __m256i previous_block) {
  const __m256i prev1 = previous<1>(block, previous_block);
  const __m256i byte_1_high = _mm256_shuffle_epi8(
      table({kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTwoConts,
             kTwoConts, kTwoConts, kTwoConts, kTooShort | kOverlong2, kTooShort,
             kTooShort | kOverlong3 | kSurrogate, kTooShort | kTooLarge | kTooLarge1000 | kOverlong4}),
      high_nibbles(prev1));
  constexpr std::uint8_t kLarge = kCarry | kTooLarge | kTooLarge1000;
  const __m256i byte_1_low =
      _mm256_shuffle_epi8(table({kCarry | kOverlong3 | kOverlong2 | kOverlong4, kCarry | kOverlong2, kCarry,
                                 kCarry, kCarry | kTooLarge, kLarge, kLarge, kLarge, kLarge, kLarge, kLarge,
                                 kLarge, kLarge, kLarge | kSurrogate, kLarge, kLarge}),
                          _mm256_and_si256(prev1, _mm256_set1_epi8(0x0F)));
  constexpr std::uint8_t kContinuation = kTooLong | kOverlong2 | kTwoConts;
  const __m256i byte_2_high = _mm256_shuffle_epi8(
      table({kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort,
             kContinuation | kOverlong3 | kTooLarge1000 | kOverlong4, kContinuation | kOverlong3 | kTooLarge,
             kContinuation | kSurrogate | kTooLarge, kContinuation | kSurrogate | kTooLarge, kTooShort,
             kTooShort, kTooShort, kTooShort}),
      high_nibbles(block));
  const __m256i special = _mm256_and_si256(_mm256_and_si256(byte_1_high, byte_1_low), byte_2_high);
  // Only 111_____ two back and 1111____ three back leave a byte >= 0x80 after these subtractions.
  const __m256i third = _mm256_subs_epu8(previous<2>(block, previous_block), _mm256_set1_epi8(0xE0 - 0x80));
  const __m256i fourth = _mm256_subs_epu8(previous<3>(block, previous_block), _mm256_set1_epi8(0xF0 - 0x80));
  const __m256i must_continue =
      _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8(static_cast<char>(0x80)));
  return _mm256_xor_si256(must_continue, special);
}

// The lead bytes in the last three positions of `block` that need more bytes than remain in it.
__attribute__((target("avx2"))) inline __m256i unfinished_at_end(__m256i block) {
  const __m256i last_allowed = _mm256_setr_epi8(
      -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
      -1, -1, -1, static_cast<char>(0xF0 - 1), static_cast<char>(0xE0 - 1), static_cast<char>(0xC0 - 1));
  return _mm256_subs_epu8(block, last_allowed);
}

}  // namespace

bool available() {
  return __builtin_cpu_supports("avx2") != 0;
}

__attribute__((target("avx2"))) bool is_valid(std::string_view bytes) {
  __m256i error = _mm256_setzero_si256();
  __m256i previous_block = _mm256_setzero_si256();
  __m256i previous_unfinished = _mm256_setzero_si256();
  const auto add = [&](__m256i block) __attribute__((target("avx2"))) {
    if (_mm256_movemask_epi8(block) == 0) {  // all ASCII: only a sequence left open before it can fail
      error = _mm256_or_si256(error, previous_unfinished);
      return;
    }
    error = _mm256_or_si256(error, block_errors(block, previous_block));
    previous_unfinished = unfinished_at_end(block);
    previous_block = block;
  };
  const char* cursor = bytes.data();
  const char* const end = bytes.data() + bytes.size();
  for (; end - cursor >= 32; cursor += 32) add(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(cursor)));
  // The tail padded with ASCII zeros, which make any sequence still open an error.
  alignas(32) char tail[32] = {};
  if (cursor != end) std::memcpy(tail, cursor, static_cast<std::size_t>(end - cursor));
  add(_mm256_load_si256(reinterpret_cast<const __m256i*>(tail)));
  error = _mm256_or_si256(error, previous_unfinished);
  return _mm256_testz_si256(error, error) != 0;
}

}  // namespace pebble::parse::utf8_avx2

#else

namespace pebble::parse::utf8_avx2 {

bool available() {
  return false;
}

bool is_valid(std::string_view) {
  return false;
}

}  // namespace pebble::parse::utf8_avx2

#endif
