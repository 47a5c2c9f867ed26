#include "domain/url_query.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "domain/unicode_text.h"
#include "support/ascii_text.h"
#include "support/utf8.h"

namespace pebble::domain::url_detail {
namespace {

constexpr std::array<std::string_view, 6> kTrackingKeys = {"fbclid", "gclid", "msclkid",
                                                           "twclid", "ref",   "referrer"};
constexpr std::string_view kTrackingPrefix = "utm_";
constexpr std::string_view kHexDigits = "0123456789ABCDEF";

// unquote_plus(text, errors="replace"): '+' is a space, %XX a byte (a broken escape stays as
// text), and the bytes are read as UTF-8 with U+FFFD for what does not decode.
std::string unquote_plus(std::string_view text) {
  std::string bytes;
  bytes.reserve(text.size());
  for (std::size_t index = 0; index < text.size(); ++index) {
    const char c = text[index];
    if (c == '+') {
      bytes.push_back(' ');
    } else if (c == '%' && index + 2 < text.size() && support::ascii_hex_value(text[index + 1]) >= 0 &&
               support::ascii_hex_value(text[index + 2]) >= 0) {
      bytes.push_back(static_cast<char>(support::ascii_hex_value(text[index + 1]) * 16 +
                                        support::ascii_hex_value(text[index + 2])));
      index += 2;
    } else {
      bytes.push_back(c);
    }
  }
  return support::replace_invalid_utf8(bytes);
}

// quote_plus(text, safe=""): space becomes '+', A-Za-z0-9_.-~ stay, every other byte is %XX.
void append_quote_plus(std::string& out, std::string_view text) {
  for (char c : text) {
    const bool unreserved = support::is_ascii_alphanumeric(c) || c == '_' || c == '.' || c == '-' || c == '~';
    if (unreserved) {
      out.push_back(c);
    } else if (c == ' ') {
      out.push_back('+');
    } else {
      const auto byte = static_cast<unsigned char>(c);
      out.push_back('%');
      out.push_back(kHexDigits[byte >> 4]);
      out.push_back(kHexDigits[byte & 0x0F]);
    }
  }
}

}  // namespace

bool is_tracking_key(std::string_view decoded_key) {
  const std::string lowered = unicode::to_lower(decoded_key);
  if (lowered.compare(0, kTrackingPrefix.size(), kTrackingPrefix) == 0) return true;
  return std::find(kTrackingKeys.begin(), kTrackingKeys.end(), lowered) != kTrackingKeys.end();
}

std::string normalize_query(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> pairs;
  while (!query.empty()) {
    const std::size_t ampersand = query.find('&');
    const std::string_view piece = query.substr(0, ampersand);
    query = ampersand == std::string_view::npos ? std::string_view{} : query.substr(ampersand + 1);
    if (piece.empty()) continue;
    const std::size_t equals = piece.find('=');
    std::string key = unquote_plus(piece.substr(0, equals));
    if (is_tracking_key(key)) continue;
    const std::string_view value =
        equals == std::string_view::npos ? std::string_view{} : piece.substr(equals + 1);
    pairs.emplace_back(std::move(key), unquote_plus(value));
  }
  // Keys are valid UTF-8 by now, so byte order is code point order, as Python sorts str.
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const auto& left, const auto& right) { return left.first < right.first; });
  std::string encoded;
  for (const auto& [key, value] : pairs) {
    if (!encoded.empty()) encoded.push_back('&');
    append_quote_plus(encoded, key);
    encoded.push_back('=');
    append_quote_plus(encoded, value);
  }
  return encoded;
}

}  // namespace pebble::domain::url_detail
