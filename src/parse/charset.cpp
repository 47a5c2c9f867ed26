#include "parse/charset.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <iconv.h>
#include <optional>
#include <utility>

#include "parse/utf8_avx2.h"
#include "support/ascii_text.h"
#include "support/utf8.h"

namespace pebble::parse {

namespace {

std::string lower_trimmed(std::string_view text) {
  while (!text.empty() && (std::isspace(static_cast<unsigned char>(text.front())) || text.front() == '"' ||
                           text.front() == '\'')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (std::isspace(static_cast<unsigned char>(text.back())) || text.back() == '"' ||
                           text.back() == '\'')) {
    text.remove_suffix(1);
  }
  return support::ascii_lower(text);
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
    out += support::kUtf8Replacement;
    if (errno != EILSEQ) break;  // EINVAL: a truncated sequence at the very end
    const std::size_t skip = std::min(unit, input_left);
    input += skip;
    input_left -= skip;
  }
  iconv_close(converter);
  return out;
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

bool is_valid_utf8_fast(std::string_view bytes) {
  static const bool use_avx2 = utf8_avx2::available();
  return use_avx2 ? utf8_avx2::is_valid(bytes) : support::is_valid_utf8(bytes);
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
    if (is_valid_utf8_fast(body)) {
      decoded.unchanged = body;
    } else {
      decoded.converted = support::replace_invalid_utf8(body);
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

}  // namespace pebble::parse
