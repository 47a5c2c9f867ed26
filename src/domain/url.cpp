#include "domain/url.h"

#include <algorithm>
#include <array>
#include <optional>

#include "domain/url_host.h"
#include "domain/url_query.h"
#include "support/ascii_text.h"
#include "support/error.h"
#include "support/sha256.h"

namespace pebble::domain {
namespace {

// urllib.parse.uses_netloc and uses_params of Python 3.13.
constexpr std::array<std::string_view, 27> kSchemesWithNetloc = {
    "",    "ftp",     "http",  "gopher", "nntp",     "telnet",  "imap",  "wais",  "file",
    "mms", "https",   "shttp", "snews",  "prospero", "rtsp",    "rtsps", "rtspu", "rsync",
    "svn", "svn+ssh", "sftp",  "nfs",    "git",      "git+ssh", "ws",    "wss",   "itms-services"};
constexpr std::array<std::string_view, 16> kSchemesWithParams = {
    "",     "ftp",   "hdl",   "prospero", "http", "imap", "https", "shttp",
    "rtsp", "rtsps", "rtspu", "sip",      "sips", "mms",  "sftp",  "tel"};

// The six fields of urllib.parse.urlparse.
struct UrlParts {
  std::string scheme;
  std::string netloc;
  std::string path;
  std::string params;
  std::string query;
  std::string fragment;
};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool is_scheme_char(char c) {
  return support::is_ascii_alphanumeric(c) || c == '+' || c == '-' || c == '.';
}

// urlsplit's clean-up: strip leading C0 controls and spaces, drop every tab, CR and LF.
std::string strip_unsafe(std::string_view url) {
  std::size_t start = 0;
  while (start < url.size() && static_cast<unsigned char>(url[start]) <= 0x20) ++start;
  std::string cleaned;
  cleaned.reserve(url.size() - start);
  for (char c : url.substr(start)) {
    if (c != '\t' && c != '\r' && c != '\n') cleaned.push_back(c);
  }
  return cleaned;
}

// Moves the text after the first `separator` of `text` into `tail`.
void split_off(std::string& text, char separator, std::string& tail) {
  const std::size_t at = text.find(separator);
  if (at == std::string::npos) return;
  tail = text.substr(at + 1);
  text.resize(at);
}

// urlparse: scheme, netloc after "//", fragment, query, then ";params" of the last path segment.
UrlParts split_url(std::string rest) {
  UrlParts parts;
  const std::size_t colon = rest.find(':');
  if (colon != std::string::npos && colon > 0 && support::is_ascii_letter(rest[0]) &&
      std::all_of(rest.begin(), rest.begin() + static_cast<std::ptrdiff_t>(colon), is_scheme_char)) {
    parts.scheme = rest.substr(0, colon);
    std::transform(parts.scheme.begin(), parts.scheme.end(), parts.scheme.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    rest.erase(0, colon + 1);
  }
  if (rest.compare(0, 2, "//") == 0) {
    const std::size_t end = std::min(rest.find_first_of("/?#", 2), rest.size());
    parts.netloc = rest.substr(2, end - 2);
    rest.erase(0, end);
  }
  split_off(rest, '#', parts.fragment);
  split_off(rest, '?', parts.query);
  if (contains(kSchemesWithParams, parts.scheme)) {
    const std::size_t last_slash = rest.rfind('/');
    const std::size_t semicolon = rest.find(';', last_slash == std::string::npos ? 0 : last_slash);
    if (semicolon != std::string::npos) {
      parts.params = rest.substr(semicolon + 1);
      rest.resize(semicolon);
    }
  }
  parts.path = std::move(rest);
  return parts;
}

// urlunparse of Python 3.13 (which keeps an empty authority before a "//" path).
std::string join_url(const UrlParts& parts) {
  std::string url = parts.path;
  if (!parts.params.empty()) url += ";" + parts.params;
  if (!parts.netloc.empty()) {
    if (!url.empty() && url.front() != '/') url.insert(0, "/");
    url.insert(0, "//" + parts.netloc);
  } else if (url.compare(0, 2, "//") == 0) {
    url.insert(0, "//");
  } else if (!parts.scheme.empty() && contains(kSchemesWithNetloc, parts.scheme) &&
             (url.empty() || url.front() == '/')) {
    url.insert(0, "//");
  }
  if (!parts.scheme.empty()) url.insert(0, parts.scheme + ":");
  if (!parts.query.empty()) url += "?" + parts.query;
  if (!parts.fragment.empty()) url += "#" + parts.fragment;
  return url;
}

}  // namespace

std::string normalize_url(std::string_view url) {
  UrlParts parts = split_url(strip_unsafe(url));
  std::optional<std::string> netloc = url_detail::normalize_netloc(parts.netloc, parts.scheme);
  if (!netloc) return std::string(url);  // the web app's except-branch: the original, untouched
  parts.netloc = std::move(*netloc);
  if (parts.path != "/" && !parts.path.empty() && parts.path.back() == '/') parts.path.pop_back();
  parts.query = url_detail::normalize_query(parts.query);
  return join_url(parts);
}

std::string url_unique_hash(std::string_view url) {
  return support::sha256_hex(normalize_url(url));
}

}  // namespace pebble::domain
