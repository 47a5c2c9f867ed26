#include "domain/feed_url.h"

#include <algorithm>
#include <charconv>

#include "domain/url_host.h"
#include "support/ascii_text.h"
#include "support/error.h"

namespace pebble::domain {

namespace {

bool is_scheme_char(char c) {
  return support::is_ascii_alphanumeric(c) || c == '+' || c == '-' || c == '.';
}

[[noreturn]] void reject(std::string_view text, const std::string& why) {
  throw support::UsageError(std::string(text) + ": " + why);
}

// The scheme `text` starts with, or "" when it has none: `localhost:8080/x` is a host and port.
std::string scheme_of(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || !support::is_ascii_letter(text[0])) return {};
  if (!std::all_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(colon), is_scheme_char))
    return {};
  const std::string_view after = text.substr(colon + 1);
  if (after.starts_with("//")) return support::ascii_lower(text.substr(0, colon));
  const std::size_t port_end = std::min(after.find_first_of("/?#"), after.size());
  if (port_end > 0 && std::all_of(after.begin(), after.begin() + static_cast<std::ptrdiff_t>(port_end),
                                  support::is_ascii_digit))
    return {};  // host:port
  return support::ascii_lower(text.substr(0, colon));
}

// The parts of an http(s) URL as typed, checked.
struct HttpUrl {
  std::string given;  // trimmed
  bool had_scheme = false;
  std::string scheme;    // lower-case
  std::string userinfo;  // with its '@'
  std::string host;      // lower-case, IPv6 in brackets
  std::string port;      // digits, possibly the default
  std::string tail;      // path and query, without the fragment
};

HttpUrl parse_http_url(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  const std::size_t last = text.find_last_not_of(" \t\r\n");
  HttpUrl url;
  url.given = first == std::string_view::npos ? "" : std::string(text.substr(first, last - first + 1));
  const std::string_view given = url.given;
  if (given.empty()) reject(text, "an empty URL");
  if (std::any_of(given.begin(), given.end(),
                  [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; }))
    reject(given, "a URL may not contain spaces or control characters");
  url.scheme = scheme_of(given);
  std::string_view rest = given;
  url.had_scheme = !url.scheme.empty();
  if (!url.had_scheme) {
    url.scheme = "http";  // `host/path`: the same as http://host/path
  } else {
    if (url.scheme != "http" && url.scheme != "https")
      reject(given, "not an http or https URL (scheme '" + url.scheme + "')");
    rest.remove_prefix(url.scheme.size() + 1);
    if (!rest.starts_with("//")) reject(given, "not an absolute URL (no //host after " + url.scheme + ":)");
    rest.remove_prefix(2);
  }
  const std::size_t authority_end = std::min(rest.find_first_of("/?#"), rest.size());
  std::string_view authority = rest.substr(0, authority_end);
  const std::string_view tail = rest.substr(authority_end);
  url.tail = std::string(tail.substr(0, std::min(tail.find('#'), tail.size())));
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    url.userinfo = std::string(authority.substr(0, at + 1));
    authority.remove_prefix(at + 1);
  }
  std::string_view host = authority;
  std::string_view port;
  if (authority.starts_with('[')) {
    const std::size_t bracket_end = authority.find(']');
    if (bracket_end == std::string_view::npos ||
        !url_detail::is_valid_bracketed_host(authority.substr(1, bracket_end - 1)))
      reject(given, "not a valid IPv6 address in brackets");
    host = authority.substr(0, bracket_end + 1);
    const std::string_view after = authority.substr(bracket_end + 1);
    if (!after.empty() && !after.starts_with(':')) reject(given, "unexpected text after the IPv6 address");
    if (!after.empty()) port = after.substr(1);
  } else if (const std::size_t colon = authority.rfind(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  if (host.empty()) reject(given, "no host name");
  url.host = support::ascii_lower(host);
  if (!port.empty()) {
    unsigned number = 0;
    const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), number);
    if (error != std::errc{} || end != port.data() + port.size() || number == 0 || number > 65535)
      reject(given, "invalid port '" + std::string(port) + "'");
    url.port = std::to_string(number);
  }
  return url;
}

}  // namespace

std::string normalize_feed_url(std::string_view text) {
  const HttpUrl url = parse_http_url(text);
  std::string normalized = url.scheme + "://" + url.userinfo + url.host;
  const std::string default_port = url.scheme == "https" ? "443" : "80";
  if (!url.port.empty() && url.port != default_port) normalized += ":" + url.port;
  if (!url.tail.starts_with('/')) normalized += '/';
  return normalized + url.tail;
}

std::string absolute_http_url(std::string_view text) {
  HttpUrl url = parse_http_url(text);
  return url.had_scheme ? std::move(url.given) : "http://" + url.given;
}

}  // namespace pebble::domain
