#include "http/private_address.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cstring>
#include <ifaddrs.h>
#include <mutex>
#include <netinet/in.h>
#include <vector>

namespace pebble::http {

namespace {

// One registry block: `prefix` bits of `network` (written as text so the table reads like the
// registry). Sources: https://www.iana.org/assignments/iana-ipv4-special-registry and
// iana-ipv6-special-registry, the entries whose "Globally Reachable" is False or N/A.
struct Block {
  const char* network;
  int prefix;
};

constexpr Block kIpv4NotGlobal[] = {
    {"0.0.0.0", 8},        // "this network"
    {"10.0.0.0", 8},       // private-use
    {"100.64.0.0", 10},    // shared address space (carrier-grade NAT)
    {"127.0.0.0", 8},      // loopback
    {"169.254.0.0", 16},   // link-local (cloud metadata services live here)
    {"172.16.0.0", 12},    // private-use
    {"192.0.0.0", 24},     // IETF protocol assignments
    {"192.0.2.0", 24},     // documentation (TEST-NET-1)
    {"192.88.99.0", 24},   // 6to4 relay anycast (deprecated)
    {"192.168.0.0", 16},   // private-use
    {"198.18.0.0", 15},    // benchmarking
    {"198.51.100.0", 24},  // documentation (TEST-NET-2)
    {"203.0.113.0", 24},   // documentation (TEST-NET-3)
    {"224.0.0.0", 4},      // multicast: no HTTP server answers there
    {"240.0.0.0", 4},      // reserved, and 255.255.255.255 limited broadcast
};

// Everything outside 2000::/3 is refused before this table is read (::1, ::, ::/96 compatible, fc00::/7,
// fe80::/10, fec0::/10, ff00::/8, 100::/64, 64:ff9b:1::/48, 5f00::/16 all are), so it lists the
// non-global blocks inside 2000::/3. NAT64 (64:ff9b::/96), mapped, 6to4 and Teredo are decoded first.
constexpr Block kIpv6NotGlobal[] = {
    // IETF protocol assignments; Teredo (2001::/32) is decoded before. Its few global sub-blocks
    // (AMT, AS112, ORCHIDv2) serve no feeds, so refusing them costs nothing.
    {"2001::", 23},
    {"2001:db8::", 32},  // documentation
    {"3fff::", 20},      // documentation
};

bool in_block(std::span<const std::uint8_t> address, std::span<const std::uint8_t> network, int prefix) {
  const int whole = prefix / 8;
  if (!std::equal(address.begin(), address.begin() + whole, network.begin())) return false;
  const int rest = prefix % 8;
  if (rest == 0) return true;
  const auto mask = static_cast<std::uint8_t>(0xFF << (8 - rest));
  return (address[whole] & mask) == (network[whole] & mask);
}

template <typename Address, int Family, std::size_t Count>
bool in_any_block(const Address& address, const Block (&blocks)[Count]) {
  for (const Block& block : blocks) {
    Address network{};
    inet_pton(Family, block.network, network.data());
    if (in_block(address, network, block.prefix)) return true;
  }
  return false;
}

Ipv4Address ipv4_at(const Ipv6Address& address, std::size_t offset, std::uint8_t flip = 0) {
  return {static_cast<std::uint8_t>(address[offset] ^ flip),
          static_cast<std::uint8_t>(address[offset + 1] ^ flip),
          static_cast<std::uint8_t>(address[offset + 2] ^ flip),
          static_cast<std::uint8_t>(address[offset + 3] ^ flip)};
}

bool starts_with(const Ipv6Address& address, std::initializer_list<std::uint8_t> bytes) {
  return std::equal(bytes.begin(), bytes.end(), address.begin());
}

std::vector<std::vector<std::uint8_t>> read_own_addresses() {
  std::vector<std::vector<std::uint8_t>> own;
  ifaddrs* interfaces = nullptr;
  if (getifaddrs(&interfaces) != 0) return own;
  for (const ifaddrs* entry = interfaces; entry != nullptr; entry = entry->ifa_next) {
    if (entry->ifa_addr == nullptr) continue;
    if (entry->ifa_addr->sa_family == AF_INET) {
      const auto* in = reinterpret_cast<const sockaddr_in*>(entry->ifa_addr);
      const auto* bytes = reinterpret_cast<const std::uint8_t*>(&in->sin_addr);
      own.emplace_back(bytes, bytes + 4);
    } else if (entry->ifa_addr->sa_family == AF_INET6) {
      const auto* in6 = reinterpret_cast<const sockaddr_in6*>(entry->ifa_addr);
      const auto* bytes = reinterpret_cast<const std::uint8_t*>(&in6->sin6_addr);
      own.emplace_back(bytes, bytes + 16);
    }
  }
  freeifaddrs(interfaces);
  return own;
}

}  // namespace

bool is_private_ipv4(const Ipv4Address& address) {
  return in_any_block<Ipv4Address, AF_INET>(address, kIpv4NotGlobal);
}

bool is_private_ipv6(const Ipv6Address& address) {
  const bool first_ten_zero =
      std::all_of(address.begin(), address.begin() + 10, [](auto b) { return b == 0; });
  if (first_ten_zero && address[10] == 0xFF && address[11] == 0xFF)
    return is_private_ipv4(ipv4_at(address, 12));
  // NAT64 well-known prefix 64:ff9b::/96: the translator connects to the embedded IPv4 address.
  if (starts_with(address, {0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0}))
    return is_private_ipv4(ipv4_at(address, 12));
  if ((address[0] & 0xE0) != 0x20) return true;  // outside 2000::/3, the only global unicast space
  // Teredo 2001:0::/32: server IPv4 in bits 32-63, the client's in bits 96-127 inverted.
  if (starts_with(address, {0x20, 0x01, 0x00, 0x00}))
    return is_private_ipv4(ipv4_at(address, 4)) || is_private_ipv4(ipv4_at(address, 12, 0xFF));
  // 6to4 2002::/16: the relay reaches the IPv4 address in bits 16-47.
  if (starts_with(address, {0x20, 0x02})) return is_private_ipv4(ipv4_at(address, 2));
  return in_any_block<Ipv6Address, AF_INET6>(address, kIpv6NotGlobal);
}

bool is_private_address_text(const std::string& text) {
  Ipv4Address v4{};
  if (inet_pton(AF_INET, text.c_str(), v4.data()) == 1) return is_private_ipv4(v4);
  Ipv6Address v6{};
  if (inet_pton(AF_INET6, text.c_str(), v6.data()) == 1) return is_private_ipv6(v6);
  return false;
}

bool is_own_address(std::span<const std::uint8_t> address) {
  static const std::vector<std::vector<std::uint8_t>> own = read_own_addresses();
  return std::any_of(own.begin(), own.end(), [&](const std::vector<std::uint8_t>& mine) {
    return std::equal(mine.begin(), mine.end(), address.begin(), address.end());
  });
}

}  // namespace pebble::http
