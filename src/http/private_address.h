#pragma once
// Which IP addresses PEBBLE_DENY_PRIVATE_NETWORKS refuses: loopback, private, link-local and the
// other non-public ranges a feed URL could use to reach services behind the firewall.
#include <array>
#include <cstdint>
#include <string>

namespace pebble::http {

// True for 0/8, 10/8, 100.64/10, 127/8, 169.254/16, 172.16/12, 192.168/16, 224/4 and above.
bool is_private_ipv4(const std::array<std::uint8_t, 4>& address);

// True for ::, ::1, fc00::/7, fe80::/10, ff00::/8, and IPv4-mapped/compatible forms of private IPv4.
bool is_private_ipv6(const std::array<std::uint8_t, 16>& address);

// The same test on a textual address ("127.0.0.1", "::1"); false when it is not an IP literal.
bool is_private_address_text(const std::string& text);

}  // namespace pebble::http
