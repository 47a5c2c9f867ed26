#include "http_server/listen_address.h"

#include <string>

#include "support/ascii_text.h"
#include "support/error.h"

namespace pebble::http_server {

namespace {

bool is_host_name_char(char letter) {
  return support::is_ascii_alphanumeric(letter) || letter == '.' || letter == '-' || letter == '_';
}

// IPv6 literals: hex digits, colons, dots (embedded IPv4) and a zone id after '%'.
bool is_ipv6_literal_char(char letter) {
  return is_host_name_char(letter) || letter == ':' || letter == '%';
}

[[noreturn]] void fail(std::string_view source, std::string_view text, std::string_view why) {
  throw support::UsageError(std::string(source) + ": invalid listen address '" + std::string(text) +
                            "': " + std::string(why));
}

std::uint16_t parse_port(std::string_view port_text, std::string_view source, std::string_view text) {
  if (port_text.empty()) fail(source, text, "missing port; expected HOST:PORT such as 127.0.0.1:9466");
  if (port_text.size() > 5) fail(source, text, "port must be a number from 0 to 65535");
  unsigned value = 0;
  for (char digit : port_text) {
    if (digit < '0' || digit > '9') fail(source, text, "port must be a number from 0 to 65535");
    value = value * 10 + static_cast<unsigned>(digit - '0');
  }
  if (value > 65535) fail(source, text, "port must be a number from 0 to 65535");
  return static_cast<std::uint16_t>(value);
}

}  // namespace

std::string ListenAddress::to_string() const {
  const bool ipv6 = host.find(':') != std::string::npos;
  return (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

ListenAddress parse_listen_address(std::string_view text, std::string_view source) {
  if (text.empty()) fail(source, text, "empty; expected HOST:PORT such as 127.0.0.1:9466");
  ListenAddress address;
  std::string_view port_text;
  if (text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string_view::npos) fail(source, text, "missing ']' after the IPv6 address");
    address.host = std::string(text.substr(1, close - 1));
    if (address.host.find(':') == std::string::npos)
      fail(source, text, "brackets are only for IPv6 addresses");
    for (char letter : address.host) {
      if (!is_ipv6_literal_char(letter)) fail(source, text, "invalid character in the IPv6 address");
    }
    if (close + 1 >= text.size() || text[close + 1] != ':') {
      fail(source, text, "missing port; expected [IPv6]:PORT such as [::1]:9466");
    }
    port_text = text.substr(close + 2);
  } else {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos)
      fail(source, text, "missing port; expected HOST:PORT such as 127.0.0.1:9466");
    address.host = std::string(text.substr(0, colon));
    if (address.host.find(':') != std::string::npos) {
      fail(source, text, "write IPv6 addresses in brackets, e.g. [::1]:9466");
    }
    for (char letter : address.host) {
      if (!is_host_name_char(letter)) fail(source, text, "invalid character in the host name");
    }
    port_text = text.substr(colon + 1);
  }
  address.port = parse_port(port_text, source, text);
  return address;
}

}  // namespace pebble::http_server
