#pragma once
// Which IP addresses PEBBLE_DENY_PRIVATE_NETWORKS refuses: every address that is not globally
// routable unicast per the IANA IPv4 and IPv6 Special-Purpose Address Registries (loopback, private,
// shared, link-local, documentation, benchmarking, reserved, multicast, ...), IPv6 forms that embed
// such an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo), and the host's own addresses.
#include <array>
#include <cstdint>
#include <span>
#include <string>

namespace pebble::http {

using Ipv4Address = std::array<std::uint8_t, 4>;
using Ipv6Address = std::array<std::uint8_t, 16>;

// True unless `address` is globally routable unicast.
bool is_private_ipv4(const Ipv4Address& address);

// True unless `address` is globally routable unicast (in 2000::/3 and outside every non-global
// registry block), deciding on the embedded IPv4 address for mapped, NAT64, 6to4 and Teredo forms.
bool is_private_ipv6(const Ipv6Address& address);

// The same test on a textual address ("127.0.0.1", "::1"); false when it is not an IP literal.
bool is_private_address_text(const std::string& text);

// The addresses of this host's interfaces (getifaddrs), read once per process: a feed URL naming the
// host's own public address reaches its own services as surely as 127.0.0.1 does.
bool is_own_address(std::span<const std::uint8_t> address);

}  // namespace pebble::http
