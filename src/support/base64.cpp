#include "support/base64.h"

#include <cstdint>

namespace pebble::support {

namespace {

constexpr std::string_view kStandardAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kUrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string encode_with(std::string_view bytes, std::string_view alphabet) {
  std::string text;
  text.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t index = 0; index < bytes.size(); index += 3) {
    const std::size_t count = std::min<std::size_t>(3, bytes.size() - index);
    std::uint32_t group = 0;
    for (std::size_t offset = 0; offset < 3; ++offset) {
      const auto byte = offset < count ? static_cast<unsigned char>(bytes[index + offset]) : 0U;
      group = (group << 8) | byte;
    }
    for (std::size_t digit = 0; digit < 4; ++digit) {
      text += digit <= count ? alphabet[(group >> (18 - 6 * digit)) & 0x3f] : '=';
    }
  }
  return text;
}

int sextet_of(char letter) {
  const auto position = kStandardAlphabet.find(letter);
  return position == std::string_view::npos ? -1 : static_cast<int>(position);
}

}  // namespace

std::string encode_base64(std::string_view bytes) {
  return encode_with(bytes, kStandardAlphabet);
}

std::string encode_base64_url(std::string_view bytes) {
  return encode_with(bytes, kUrlAlphabet);
}

std::optional<std::string> decode_base64(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::size_t padding = 0;
  while (padding < 2 && padding < text.size() && text[text.size() - 1 - padding] == '=') ++padding;
  std::string bytes;
  std::uint32_t group = 0;
  const std::size_t digits = text.size() - padding;
  for (std::size_t index = 0; index < digits; ++index) {
    const int sextet = sextet_of(text[index]);
    if (sextet < 0) return std::nullopt;
    group = (group << 6) | static_cast<std::uint32_t>(sextet);
    if (index % 4 == 3) {
      bytes += static_cast<char>((group >> 16) & 0xff);
      bytes += static_cast<char>((group >> 8) & 0xff);
      bytes += static_cast<char>(group & 0xff);
      group = 0;
    }
  }
  if (padding == 2) bytes += static_cast<char>((group >> 4) & 0xff);
  if (padding == 1) {
    bytes += static_cast<char>((group >> 10) & 0xff);
    bytes += static_cast<char>((group >> 2) & 0xff);
  }
  return bytes;
}

}  // namespace pebble::support
