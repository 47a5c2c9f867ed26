#include "html/url_attributes.h"

#include <algorithm>
#include <array>

#include "domain/url_resolve.h"
#include "support/ascii_text.h"

namespace pebble::html {

namespace {

bool is_html_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// As a URL parser reads an attribute (WHATWG URL): leading and trailing C0 controls and spaces
// dropped, tabs and line breaks inside removed, so `java&#9;script:` is seen for what it is.
std::string url_text(std::string_view value) {
  while (!value.empty() && static_cast<unsigned char>(value.front()) <= 0x20) value.remove_prefix(1);
  while (!value.empty() && static_cast<unsigned char>(value.back()) <= 0x20) value.remove_suffix(1);
  std::string text;
  text.reserve(value.size());
  for (const char c : value) {
    if (c != '\t' && c != '\n' && c != '\r') text += c;
  }
  return text;
}

// Schemes a reader may follow or load: the web, mail and telephony, news and chat, downloads.
bool is_safe_scheme(std::string_view scheme) {
  static constexpr std::array<std::string_view, 24> kSchemes{
      "http", "https", "ftp",  "ftps",   "sftp", "mailto", "tel",  "sms",  "news", "nntp", "irc", "ircs",
      "xmpp", "sip",   "sips", "magnet", "geo",  "webcal", "feed", "rtsp", "mms",  "git",  "ssh", "gopher"};
  return std::find(kSchemes.begin(), kSchemes.end(), scheme) != kSchemes.end();
}

}  // namespace

bool is_url_attribute(std::string_view name) {
  static constexpr std::array<std::string_view, 19> kNames{
      "href",    "src",    "cite",     "action",     "background", "longdesc", "usemap",
      "data",    "poster", "codebase", "classid",    "formaction", "icon",     "manifest",
      "profile", "lowsrc", "dynsrc",   "xlink:href", "itemtype"};
  return std::find(kNames.begin(), kNames.end(), name) != kNames.end();
}

std::optional<std::string> safe_url(std::string_view value, std::string_view base, bool image) {
  const std::string text = url_text(value);
  std::string url = domain::resolve_url(base, text);
  if (!domain::is_absolute_url(url)) return url;  // relative, and nothing to resolve it against
  const std::string scheme = support::ascii_lower(url.substr(0, url.find(':')));
  if (is_safe_scheme(scheme)) return url;
  if (image && scheme == "data" && support::starts_with_ignoring_ascii_case(url, "data:image/")) return url;
  return std::nullopt;
}

std::optional<std::string> safe_srcset(std::string_view value, std::string_view base) {
  // HTML's srcset grammar: a URL (no whitespace; trailing commas end the candidate), then
  // descriptors up to the next comma outside parentheses.
  std::string result;
  std::size_t pos = 0;
  while (pos < value.size()) {
    while (pos < value.size() && (is_html_space(value[pos]) || value[pos] == ',')) ++pos;
    if (pos >= value.size()) break;
    std::size_t url_end = pos;
    while (url_end < value.size() && !is_html_space(value[url_end])) ++url_end;
    std::string_view url = value.substr(pos, url_end - pos);
    std::string_view descriptors;
    pos = url_end;
    if (url.ends_with(',')) {
      while (url.ends_with(',')) url.remove_suffix(1);
    } else {
      int depth = 0;
      std::size_t end = pos;
      for (; end < value.size(); ++end) {
        if (value[end] == '(') ++depth;
        if (value[end] == ')' && depth > 0) --depth;
        if (value[end] == ',' && depth == 0) break;
      }
      descriptors = value.substr(pos, end - pos);
      while (!descriptors.empty() && is_html_space(descriptors.front())) descriptors.remove_prefix(1);
      while (!descriptors.empty() && is_html_space(descriptors.back())) descriptors.remove_suffix(1);
      pos = end;
    }
    const std::optional<std::string> safe = safe_url(url, base, true);
    if (!safe || safe->empty()) continue;
    if (!result.empty()) result += ", ";
    result += *safe;
    if (!descriptors.empty()) (result += ' ').append(descriptors);
  }
  if (result.empty()) return std::nullopt;
  return result;
}

}  // namespace pebble::html
