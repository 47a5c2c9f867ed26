#include "domain/url_resolve.h"

#include <optional>

#include "support/ascii_text.h"

namespace pebble::domain {

namespace {

// The five components of RFC 3986 Appendix B; a component is absent, not merely empty, when its
// delimiter is missing, which the merge rules of §5.2.2 depend on.
struct UriParts {
  std::optional<std::string> scheme;
  std::optional<std::string> authority;
  std::string path;
  std::optional<std::string> query;
  std::optional<std::string> fragment;
};

std::optional<std::string> scheme_of(std::string_view text) {
  if (text.empty() || !support::is_ascii_letter(text[0])) return std::nullopt;
  for (std::size_t i = 1; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ':') return std::string(text.substr(0, i));
    if (!support::is_ascii_alphanumeric(c) && c != '+' && c != '-' && c != '.') break;
  }
  return std::nullopt;
}

UriParts split_uri(std::string_view text) {
  UriParts parts;
  if (const std::size_t hash = text.find('#'); hash != std::string_view::npos) {
    parts.fragment = std::string(text.substr(hash + 1));
    text = text.substr(0, hash);
  }
  if (const std::size_t question = text.find('?'); question != std::string_view::npos) {
    parts.query = std::string(text.substr(question + 1));
    text = text.substr(0, question);
  }
  parts.scheme = scheme_of(text);
  if (parts.scheme) text = text.substr(parts.scheme->size() + 1);
  if (text.substr(0, 2) == "//") {
    const std::size_t end = text.find('/', 2);
    parts.authority = std::string(text.substr(2, end == std::string_view::npos ? end : end - 2));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end);
  }
  parts.path = std::string(text);
  return parts;
}

// RFC 3986 §5.2.4.
std::string remove_dot_segments(std::string_view input) {
  std::string output;
  while (!input.empty()) {
    if (input.substr(0, 3) == "../") {
      input.remove_prefix(3);
    } else if (input.substr(0, 2) == "./") {
      input.remove_prefix(2);
    } else if (input.substr(0, 3) == "/./") {
      input.remove_prefix(2);
    } else if (input == "/.") {
      input = "/";
    } else if (input.substr(0, 4) == "/../" || input == "/..") {
      input = input.size() == 3 ? std::string_view("/") : input.substr(3);
      const std::size_t last = output.rfind('/');
      output.erase(last == std::string::npos ? 0 : last);
    } else if (input == "." || input == "..") {
      input = {};
    } else {
      const std::size_t next = input.find('/', input[0] == '/' ? 1 : 0);
      const std::size_t length = next == std::string_view::npos ? input.size() : next;
      output.append(input.substr(0, length));
      input.remove_prefix(length);
    }
  }
  return output;
}

// RFC 3986 §5.2.3.
std::string merge_paths(const UriParts& base, const std::string& reference_path) {
  if (base.authority && base.path.empty()) return "/" + reference_path;
  const std::size_t last = base.path.rfind('/');
  if (last == std::string::npos) return reference_path;
  return base.path.substr(0, last + 1) + reference_path;
}

std::string recompose(const UriParts& parts) {
  std::string result;
  if (parts.scheme) result += *parts.scheme + ":";
  if (parts.authority) result += "//" + *parts.authority;
  result += parts.path;
  if (parts.query) result += "?" + *parts.query;
  if (parts.fragment) result += "#" + *parts.fragment;
  return result;
}

}  // namespace

std::string resolve_url(std::string_view base, std::string_view reference) {
  const UriParts base_parts = split_uri(base);
  if (!base_parts.scheme) return std::string(reference);
  const UriParts ref = split_uri(reference);
  UriParts target;
  if (ref.scheme) {
    target = ref;
    target.path = remove_dot_segments(ref.path);
  } else {
    target.scheme = base_parts.scheme;
    if (ref.authority) {
      target.authority = ref.authority;
      target.path = remove_dot_segments(ref.path);
      target.query = ref.query;
    } else {
      target.authority = base_parts.authority;
      if (ref.path.empty()) {
        target.path = base_parts.path;
        target.query = ref.query ? ref.query : base_parts.query;
      } else {
        target.path = remove_dot_segments(ref.path[0] == '/' ? ref.path : merge_paths(base_parts, ref.path));
        target.query = ref.query;
      }
    }
  }
  target.fragment = ref.fragment;
  return recompose(target);
}

bool is_http_url(std::string_view text) {
  const std::optional<std::string> scheme = scheme_of(text);
  if (!scheme || !(support::equals_ignoring_ascii_case(*scheme, "http") ||
                   support::equals_ignoring_ascii_case(*scheme, "https")))
    return false;
  // `https:/path` and `https:///path` are absolute references too, but name no host to fetch from.
  const std::string_view rest = text.substr(scheme->size() + 1);
  return rest.size() > 2 && rest.starts_with("//") && rest.find_first_of("/?#", 2) != 2;
}

bool is_absolute_url(std::string_view text) {
  return scheme_of(text).has_value();
}

}  // namespace pebble::domain
