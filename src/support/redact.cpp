#include "support/redact.h"

#include <cctype>

namespace pebble::support {

namespace {

constexpr std::string_view kMask = "***";
constexpr std::string_view kPasswordKey = "password=";

bool ends_token(char letter) {
  return std::isspace(static_cast<unsigned char>(letter)) != 0 || letter == '"' || letter == '\'' ||
         letter == '<' || letter == '>' || letter == '`';
}

// True when the URL's scheme (the letters before "://" at `scheme_end`) is libpq's, where a userinfo
// without ':' is a user name; elsewhere (https://TOKEN@host) it is as secret as a password.
bool is_postgres_scheme(std::string_view text, std::size_t scheme_end) {
  for (const std::string_view scheme : {"postgresql", "postgres"}) {
    if (scheme_end >= scheme.size() && text.substr(scheme_end - scheme.size(), scheme.size()) == scheme)
      return true;
  }
  return false;
}

// "user:secret" -> "user:***"; "token" -> "***", or kept as the user name of a PostgreSQL URL.
std::string masked_userinfo(std::string_view userinfo, bool bare_is_user) {
  const auto colon = userinfo.find(':');
  if (colon == std::string_view::npos) return bare_is_user ? std::string(userinfo) : std::string(kMask);
  return std::string(userinfo.substr(0, colon + 1)) + std::string(kMask);
}

// Masks every `password=VALUE` that starts a parameter (after ? & ; or white space, or at the start).
std::string mask_password_parameters(std::string text) {
  for (std::size_t at = text.find(kPasswordKey); at != std::string::npos;
       at = text.find(kPasswordKey, at + 1)) {
    if (at > 0) {
      const char before = text[at - 1];
      if (before != '?' && before != '&' && before != ';' &&
          !std::isspace(static_cast<unsigned char>(before)))
        continue;
    }
    const std::size_t start = at + kPasswordKey.size();
    std::size_t end = start;
    while (end < text.size() && text[end] != '&' && text[end] != '#' && !ends_token(text[end])) ++end;
    text.replace(start, end - start, kMask);
  }
  return text;
}

}  // namespace

std::string redact_credentials(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t copied = 0;
  for (std::size_t scheme = text.find("://"); scheme != std::string_view::npos;
       scheme = text.find("://", scheme + 3)) {
    const std::size_t start = scheme + 3;
    std::size_t end = start;
    while (end < text.size() && text[end] != '/' && text[end] != '?' && text[end] != '#' &&
           !ends_token(text[end]))
      ++end;
    const auto at = text.substr(start, end - start).rfind('@');
    if (at == std::string_view::npos) continue;
    out.append(text.substr(copied, start - copied));
    out.append(masked_userinfo(text.substr(start, at), is_postgres_scheme(text, scheme)));
    copied = start + at;  // from the '@' on
  }
  out.append(text.substr(copied));
  return mask_password_parameters(std::move(out));
}

std::string redact_whole_url(std::string_view url) {
  const auto scheme = url.find("://");
  const auto at = url.rfind('@');
  if (scheme == std::string_view::npos || at == std::string_view::npos || at < scheme + 3)
    return mask_password_parameters(std::string(url));
  const std::size_t start = scheme + 3;
  return mask_password_parameters(
      std::string(url.substr(0, start)) +
      masked_userinfo(url.substr(start, at - start), is_postgres_scheme(url, scheme)) +
      std::string(url.substr(at)));
}

std::string secret_in_url(std::string_view url) {
  const auto scheme = url.find("://");
  const auto at = url.rfind('@');
  if (scheme != std::string_view::npos && at != std::string_view::npos && at > scheme + 3) {
    const auto userinfo = url.substr(scheme + 3, at - scheme - 3);
    const auto colon = userinfo.find(':');
    if (colon != std::string_view::npos) return std::string(userinfo.substr(colon + 1));
    if (!is_postgres_scheme(url, scheme)) return std::string(userinfo);
  }
  const auto key = url.find(kPasswordKey);
  if (key == std::string_view::npos) return "";
  const std::size_t start = key + kPasswordKey.size();
  std::size_t end = start;
  while (end < url.size() && url[end] != '&' && url[end] != '#' && !ends_token(url[end])) ++end;
  return std::string(url.substr(start, end - start));
}

std::string scrub(std::string text, std::string_view secret) {
  if (secret.empty()) return text;
  for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + kMask.size()))
    text.replace(at, secret.size(), kMask);
  return text;
}

}  // namespace pebble::support
