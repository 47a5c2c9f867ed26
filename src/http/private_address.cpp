#include "http/private_address.h"

#include <algorithm>
#include <arpa/inet.h>

namespace pebble::http {

bool is_private_ipv4(const std::array<std::uint8_t, 4>& address) {
  const std::uint8_t first = address[0];
  const std::uint8_t second = address[1];
  if (first == 0 || first == 10 || first == 127) return true;
  if (first == 100 && (second & 0xC0) == 64) return true;  // carrier-grade NAT, 100.64/10
  if (first == 169 && second == 254) return true;
  if (first == 172 && (second & 0xF0) == 16) return true;
  if (first == 192 && second == 168) return true;
  return first >= 224;  // multicast, reserved and broadcast
}

bool is_private_ipv6(const std::array<std::uint8_t, 16>& address) {
  const bool first_ten_zero =
      std::all_of(address.begin(), address.begin() + 10, [](auto b) { return b == 0; });
  if (first_ten_zero && address[10] == 0xFF && address[11] == 0xFF) {  // ::ffff:a.b.c.d
    return is_private_ipv4({address[12], address[13], address[14], address[15]});
  }
  if (first_ten_zero && address[10] == 0 && address[11] == 0) {
    // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d all land somewhere private.
    return true;
  }
  if ((address[0] & 0xFE) == 0xFC) return true;                        // unique local fc00::/7
  if (address[0] == 0xFE && (address[1] & 0xC0) == 0x80) return true;  // link-local fe80::/10
  return address[0] == 0xFF;                                           // multicast
}

bool is_private_address_text(const std::string& text) {
  std::array<std::uint8_t, 4> v4{};
  if (inet_pton(AF_INET, text.c_str(), v4.data()) == 1) return is_private_ipv4(v4);
  std::array<std::uint8_t, 16> v6{};
  if (inet_pton(AF_INET6, text.c_str(), v6.data()) == 1) return is_private_ipv6(v6);
  return false;
}

}  // namespace pebble::http
