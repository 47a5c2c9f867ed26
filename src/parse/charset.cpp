#include "parse/charset.h"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <optional>
#include <utility>

#include "parse/utf8_avx2.h"
#include "support/ascii_text.h"

namespace pebble {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

std::string lower_trimmed(std::string_view text) {
  while (!text.empty() && (std::isspace(static_cast<unsigned char>(text.front())) || text.front() == '"' ||
                           text.front() == '\'')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (std::isspace(static_cast<unsigned char>(text.back())) || text.back() == '"' ||
                           text.back() == '\'')) {
    text.remove_suffix(1);
  }
  return ascii_lower(text);
}

// The charset a byte-order mark names, and the mark's length.
std::pair<std::string, std::size_t> charset_from_bom(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return {"utf-8", 3};
  if (bytes.substr(0, 4) == std::string_view("\xFF\xFE\x00\x00", 4)) return {"utf-32le", 4};
  if (bytes.substr(0, 4) == std::string_view("\x00\x00\xFE\xFF", 4)) return {"utf-32be", 4};
  if (bytes.substr(0, 2) == "\xFF\xFE") return {"utf-16le", 2};
  if (bytes.substr(0, 2) == "\xFE\xFF") return {"utf-16be", 2};
  return {"", 0};
}

// XML 1.0 Appendix F: a BOM-less document starting with `<` or `<?` in a wide encoding.
std::string charset_from_wide_start(std::string_view bytes) {
  if (bytes.substr(0, 4) == std::string_view("<\0\0\0", 4)) return "utf-32le";
  if (bytes.substr(0, 4) == std::string_view("\0\0\0<", 4)) return "utf-32be";
  if (bytes.substr(0, 2) == std::string_view("<\0", 2)) return "utf-16le";
  if (bytes.substr(0, 2) == std::string_view("\0<", 2)) return "utf-16be";
  return "";
}

// Labels as feeds write them, mapped to what glibc iconv should use. Following the WHATWG
// Encoding Standard, Latin-1 labels mean windows-1252 and the CJK labels their supersets, because
// that is what the servers that send them actually produce.
std::string iconv_name(const std::string& label) {
  if (label == "iso-8859-1" || label == "iso8859-1" || label == "latin1" || label == "l1" ||
      label == "iso_8859-1" || label == "cp1252") {
    return "WINDOWS-1252";
  }
  if (label == "shift_jis" || label == "sjis" || label == "x-sjis" || label == "ms_kanji" ||
      label == "windows-31j") {
    return "CP932";
  }
  if (label == "gb2312" || label == "gbk" || label == "x-gbk" || label == "cp936") return "GB18030";
  if (label == "euc-kr" || label == "ks_c_5601-1987") return "CP949";
  std::string upper = label;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper;
}

bool is_utf8_label(const std::string& label) {
  return label.empty() || label == "utf-8" || label == "utf8" || label == "us-ascii" || label == "ascii" ||
         label == "unicode-1-1-utf-8";
}

std::size_t code_unit_size(const std::string& label) {
  if (label.rfind("utf-32", 0) == 0 || label.rfind("ucs-4", 0) == 0) return 4;
  if (label.rfind("utf-16", 0) == 0 || label.rfind("ucs-2", 0) == 0) return 2;
  return 1;
}

// Converts with iconv, replacing what cannot be converted; nullopt when iconv lacks the charset.
std::optional<std::string> convert_with_iconv(std::string_view bytes, const std::string& label) {
  iconv_t converter = iconv_open("UTF-8", iconv_name(label).c_str());
  if (converter == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  char buffer[16384];
  // iconv's signature predates const; it never writes through the input pointer.
  char* input = const_cast<char*>(bytes.data());
  std::size_t input_left = bytes.size();
  const std::size_t unit = code_unit_size(label);
  while (input_left > 0) {
    char* output = buffer;
    std::size_t output_left = sizeof buffer;
    const std::size_t result = iconv(converter, &input, &input_left, &output, &output_left);
    out.append(buffer, static_cast<std::size_t>(output - buffer));
    if (result != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) continue;
    out += kReplacement;
    if (errno != EILSEQ) break;  // EINVAL: a truncated sequence at the very end
    const std::size_t skip = std::min(unit, input_left);
    input += skip;
    input_left -= skip;
  }
  iconv_close(converter);
  return out;
}

// What a UTF-8 lead byte allows: the sequence's length (0: never a lead byte) and the range of
// the second byte, which per Unicode Table 3-7 also excludes overlong forms, surrogates and code
// points past U+10FFFF, so no code point needs assembling.
struct LeadRule {
  std::uint8_t length = 0;
  std::uint8_t second_min = 0x80;
  std::uint8_t second_max = 0xBF;
};

constexpr std::array<LeadRule, 256> make_lead_rules() {
  std::array<LeadRule, 256> rules{};
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

// The length of the well-formed multi-byte UTF-8 sequence at `pos` (data[pos] >= 0x80), 0 when
// it is not one. Selects rather than branches on the length: text mixing two- and three-byte
// characters would otherwise mispredict at nearly every character.
inline std::size_t utf8_sequence_length(const unsigned char* data, std::size_t pos, std::size_t size) {
  const LeadRule rule = kLeadRules[data[pos]];
  if (rule.length == 0 || pos + rule.length > size) return 0;
  const unsigned char second = data[pos + 1];
  const unsigned char third = rule.length >= 3 ? data[pos + 2] : 0x80;
  const unsigned char fourth = rule.length == 4 ? data[pos + 3] : 0x80;
  const bool valid = second >= rule.second_min && second <= rule.second_max && (third & 0xC0) == 0x80 &&
                     (fourth & 0xC0) == 0x80;
  return valid ? rule.length : 0;
}

// Where the first non-ASCII byte at or after `pos` is, or `size`: eight bytes at a time, as feeds
// are mostly ASCII markup.
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

std::string charset_from_content_type(std::string_view content_type) {
  const std::string lower = lower_trimmed(content_type);
  std::size_t pos = 0;
  while ((pos = lower.find("charset", pos)) != std::string::npos) {
    std::size_t cursor = pos + 7;
    while (cursor < lower.size() && lower[cursor] == ' ') ++cursor;
    if (cursor < lower.size() && lower[cursor] == '=') {
      const std::size_t end = lower.find(';', cursor);
      return lower_trimmed(
          std::string_view(lower).substr(cursor + 1, end == std::string::npos ? end : end - cursor - 1));
    }
    pos = cursor;
  }
  return "";
}

std::string xml_declared_encoding(std::string_view bytes) {
  std::size_t start = 0;
  while (start < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[start]))) ++start;
  if (bytes.compare(start, 5, "<?xml") != 0) return "";
  const std::size_t end = bytes.find("?>", start);
  if (end == std::string_view::npos || end - start > 1024) return "";
  const std::string_view declaration = bytes.substr(start, end - start);
  const std::size_t key = declaration.find("encoding");
  if (key == std::string_view::npos) return "";
  const std::size_t open = declaration.find_first_of("\"'", key);
  if (open == std::string_view::npos) return "";
  const std::size_t close = declaration.find(declaration[open], open + 1);
  if (close == std::string_view::npos) return "";
  return lower_trimmed(declaration.substr(open + 1, close - open - 1));
}

bool is_valid_utf8(std::string_view bytes) {
  static const bool use_avx2 = utf8_avx2::available();
  return use_avx2 ? utf8_avx2::is_valid(bytes) : is_valid_utf8_portable(bytes);
}

bool is_valid_utf8_portable(std::string_view bytes) {
  const auto* const data = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t size = bytes.size();
  for (std::size_t pos = skip_ascii(data, 0, size); pos < size; pos = skip_ascii(data, pos, size)) {
    const std::size_t length = utf8_sequence_length(data, pos, size);
    if (length == 0) return false;
    pos += length;
  }
  return true;
}

std::string replace_invalid_utf8(std::string_view bytes) {
  // Runs copied whole: feeds are tens of megabytes and this runs on every byte.
  const auto* const data = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t size = bytes.size();
  std::string out;
  out.reserve(size);
  std::size_t run_start = 0;
  for (std::size_t pos = skip_ascii(data, 0, size); pos < size; pos = skip_ascii(data, pos, size)) {
    if (const std::size_t length = utf8_sequence_length(data, pos, size); length != 0) {
      pos += length;
    } else {
      out.append(bytes.data() + run_start, pos - run_start);
      out += kReplacement;
      run_start = ++pos;
    }
  }
  out.append(bytes.data() + run_start, size - run_start);
  return out;
}

DecodedText decode_to_utf8(std::string_view body, std::string_view content_type) {
  auto [charset, bom_length] = charset_from_bom(body);
  body.remove_prefix(bom_length);
  if (charset.empty()) charset = charset_from_content_type(content_type);
  if (charset.empty()) charset = charset_from_wide_start(body);
  if (charset.empty()) charset = xml_declared_encoding(body);
  DecodedText decoded;
  if (!is_utf8_label(charset)) decoded.converted = convert_with_iconv(body, charset);
  if (decoded.converted) {
    decoded.charset = charset;
  } else {
    // UTF-8, or a charset iconv does not know; valid UTF-8 (nearly every feed) is not copied.
    if (is_valid_utf8(body)) {
      decoded.unchanged = body;
    } else {
      decoded.converted = replace_invalid_utf8(body);
    }
    decoded.charset = "utf-8";
  }
  // The converted text is UTF-8 whatever the declaration claimed; say so for the XML parser.
  const std::string declared = xml_declared_encoding(decoded.text());
  if (!declared.empty() && declared != "utf-8") {
    if (!decoded.converted) decoded.converted = std::string(body);
    std::string& text = *decoded.converted;
    // The declaration opens the text, so the first "encoding" is its pseudo-attribute.
    const std::size_t at = text.find("encoding");
    const std::size_t open = text.find_first_of("\"'", at);
    const std::size_t close = text.find(text[open], open + 1);
    text.replace(open + 1, close - open - 1, "UTF-8");
  }
  return decoded;
}

}  // namespace pebble
