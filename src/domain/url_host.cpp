#include "domain/url_host.h"

#include <cstddef>
#include <cstdint>
#include <vector>

#include "domain/unicode_text.h"
#include "support/ascii_text.h"
#include "support/utf8.h"

namespace pebble::domain::url_detail {
namespace {

constexpr std::size_t kHextetCount = 8;
constexpr unsigned kMaxPort = 65535;

// Python's str.partition: text before the first `separator`, whether it was found, text after it.
struct Partition {
  std::string_view before;
  bool found = false;
  std::string_view after;
};

Partition partition(std::string_view text, char separator) {
  const std::size_t at = text.find(separator);
  if (at == std::string_view::npos) return {text, false, {}};
  return {text.substr(0, at), true, text.substr(at + 1)};
}

bool is_hex_digit(char c) {
  return support::ascii_hex_value(c) >= 0;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  for (;;) {
    const Partition piece = partition(text, separator);
    parts.push_back(piece.before);
    if (!piece.found) return parts;
    text = piece.after;
  }
}

// ipaddress.IPv4Address: four decimal octets, no leading zeros, each at most 255.
bool is_ipv4_address(std::string_view text) {
  const std::vector<std::string_view> octets = split(text, '.');
  if (octets.size() != 4) return false;
  for (std::string_view octet : octets) {
    if (octet.empty() || octet.size() > 3) return false;
    for (char c : octet) {
      if (!support::is_ascii_digit(c)) return false;
    }
    if (octet.size() > 1 && octet[0] == '0') return false;
    unsigned value = 0;
    for (char c : octet) value = value * 10 + static_cast<unsigned>(c - '0');
    if (value > 255) return false;
  }
  return true;
}

bool is_hextet(std::string_view text) {
  if (text.empty() || text.size() > 4) return false;
  for (char c : text) {
    if (!is_hex_digit(c)) return false;
  }
  return true;
}

// ipaddress.IPv6Address._ip_int_from_string, reduced to "does it parse".
bool is_ipv6_address_without_scope(std::string_view text) {
  if (text.empty()) return false;
  std::vector<std::string_view> parts = split(text, ':');
  if (parts.size() < 3) return false;
  if (parts.back().find('.') != std::string_view::npos) {
    if (!is_ipv4_address(parts.back())) return false;
    parts.back() = "0";  // the IPv4 tail stands for two hextets
    parts.push_back("0");
  }
  if (parts.size() > kHextetCount + 1) return false;
  std::size_t skip_index = 0;  // 0: no "::" (index 0 can never be the skip)
  for (std::size_t index = 1; index + 1 < parts.size(); ++index) {
    if (!parts[index].empty()) continue;
    if (skip_index != 0) return false;  // at most one "::"
    skip_index = index;
  }
  std::size_t parts_high = parts.size();
  std::size_t parts_low = 0;
  if (skip_index != 0) {
    parts_high = skip_index;
    parts_low = parts.size() - skip_index - 1;
    if (parts.front().empty() && --parts_high != 0) return false;  // leading ':' needs "::"
    if (parts.back().empty() && --parts_low != 0) return false;    // trailing ':' needs "::"
    if (parts_high + parts_low >= kHextetCount) return false;      // "::" must stand for something
  } else if (parts.size() != kHextetCount) {
    return false;
  }
  for (std::size_t index = 0; index < parts_high; ++index) {
    if (!is_hextet(parts[index])) return false;
  }
  for (std::size_t index = parts.size() - parts_low; index < parts.size(); ++index) {
    if (!is_hextet(parts[index])) return false;
  }
  return true;
}

bool is_ipv6_address(std::string_view text) {
  const Partition scope = partition(text, '%');
  if (scope.found && (scope.after.empty() || scope.after.find('%') != std::string_view::npos)) {
    return false;
  }
  return is_ipv6_address_without_scope(scope.before);
}

// The regex \Av[a-fA-F0-9]+\..+\Z of _check_bracketed_host.
bool is_ipv_future(std::string_view text) {
  std::size_t index = 1;
  while (index < text.size() && is_hex_digit(text[index])) ++index;
  return index > 1 && index < text.size() && text[index] == '.' && index + 1 < text.size();
}

// urlsplit's _check_bracketed_netloc, run when the netloc holds both '[' and ']'.
bool bracketed_netloc_is_valid(std::string_view netloc) {
  const std::size_t at = netloc.rfind('@');
  const std::string_view host_and_port = at == std::string_view::npos ? netloc : netloc.substr(at + 1);
  const Partition open = partition(host_and_port, '[');
  if (!open.found) return is_valid_bracketed_host(partition(host_and_port, ':').before);
  if (!open.before.empty()) return false;
  const Partition close = partition(open.after, ']');
  if (!close.after.empty() && close.after.front() != ':') return false;
  return is_valid_bracketed_host(close.before);
}

// urlsplit's _checknetloc: no character may turn into a URL delimiter under NFKC.
bool netloc_survives_nfkc(std::string_view netloc) {
  for (std::size_t offset = 0; offset < netloc.size();) {
    const support::Utf8Step step = support::decode_utf8_step(netloc, offset);
    if (step.valid && unicode::nfkc_yields_url_delimiter(step.code_point)) return false;
    offset += step.length;
  }
  return true;
}

// SplitResult.port: ASCII digits only, 0-65535; nullopt for a port Python rejects.
std::optional<unsigned> parse_port(std::string_view text) {
  unsigned value = 0;
  for (char c : text) {
    if (!support::is_ascii_digit(c)) return std::nullopt;
    value = value * 10 + static_cast<unsigned>(c - '0');
    if (value > kMaxPort) return std::nullopt;
  }
  return value;
}

// SplitResult.hostname: lower-cased up to a '%' (an IPv6 zone keeps its case).
std::string lower_host(std::string_view host) {
  const Partition zone = partition(host, '%');
  std::string lowered = unicode::to_lower(zone.before);
  if (zone.found) {
    lowered.push_back('%');
    lowered.append(zone.after);
  }
  return lowered;
}

}  // namespace

bool is_valid_bracketed_host(std::string_view host) {
  if (!host.empty() && host.front() == 'v') return is_ipv_future(host);
  return is_ipv6_address(host);
}

std::optional<std::string> normalize_netloc(std::string_view netloc, std::string_view scheme) {
  const bool has_open = netloc.find('[') != std::string_view::npos;
  const bool has_close = netloc.find(']') != std::string_view::npos;
  if (has_open != has_close) return std::nullopt;
  if (has_open && !bracketed_netloc_is_valid(netloc)) return std::nullopt;
  if (!netloc_survives_nfkc(netloc)) return std::nullopt;

  // SplitResult._hostinfo: userinfo ends at the last '@'.
  const std::size_t at = netloc.rfind('@');
  const std::string_view host_info = at == std::string_view::npos ? netloc : netloc.substr(at + 1);
  const Partition open = partition(host_info, '[');
  std::string_view host;
  std::string_view port_text;
  if (open.found) {
    const Partition close = partition(open.after, ']');
    host = close.before;
    port_text = partition(close.after, ':').after;
  } else {
    const Partition colon = partition(host_info, ':');
    host = colon.before;
    port_text = colon.after;
  }
  std::optional<unsigned> port;
  if (!port_text.empty()) {
    port = parse_port(port_text);
    if (!port) return std::nullopt;
  }

  std::string result = lower_host(host);
  if (open.found && !host.empty()) result = "[" + result + "]";  // pebble keeps IPv6 brackets
  const bool default_port = (scheme == "http" && port == 80u) || (scheme == "https" && port == 443u);
  if (port && !default_port) result += ":" + std::to_string(*port);
  return result;
}

}  // namespace pebble::domain::url_detail
