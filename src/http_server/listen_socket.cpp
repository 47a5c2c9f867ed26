#include "http_server/listen_socket.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <memory>
#include <netdb.h>
#include <netinet/in.h>
#include <string>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include "support/error.h"

namespace pebble::http_server {

namespace {

// Connections the kernel completes before the event loop accepts them; above the default 128 so a
// burst of clients (a Prometheus fleet, an attacker) gets queued rather than refused.
constexpr int kListenBacklog = 1024;

// Binds and listens on one address; returns the socket or -1 with errno set. `dual_stack` clears
// IPV6_V6ONLY so an IPv6 wildcard socket takes IPv4 clients too.
int try_listen(int family, const sockaddr* address, socklen_t length, bool dual_stack) {
  const int socket = ::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (socket < 0) return -1;
  const int enable = 1;
  ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &enable, sizeof(enable));
  if (dual_stack) {
    const int disable = 0;
    ::setsockopt(socket, IPPROTO_IPV6, IPV6_V6ONLY, &disable, sizeof(disable));
  }
  if (::bind(socket, address, length) == 0 && ::listen(socket, kListenBacklog) == 0) return socket;
  const int saved = errno;
  ::close(socket);
  errno = saved;
  return -1;
}

// Every address: [::] taking IPv4 too, or 0.0.0.0 on a host without IPv6.
int listen_everywhere(std::uint16_t port) {
  sockaddr_in6 any6{};
  any6.sin6_family = AF_INET6;
  any6.sin6_addr = in6addr_any;
  any6.sin6_port = htons(port);
  const int socket = try_listen(AF_INET6, reinterpret_cast<const sockaddr*>(&any6), sizeof(any6), true);
  if (socket >= 0 || (errno != EAFNOSUPPORT && errno != EADDRNOTAVAIL)) return socket;
  sockaddr_in any4{};
  any4.sin_family = AF_INET;
  any4.sin_addr.s_addr = htonl(INADDR_ANY);
  any4.sin_port = htons(port);
  return try_listen(AF_INET, reinterpret_cast<const sockaddr*>(&any4), sizeof(any4), false);
}

}  // namespace

int open_listen_socket(const ListenAddress& address) {
  const std::string where = "cannot listen on " + address.to_string() + ": ";
  if (address.host.empty()) {
    const int socket = listen_everywhere(address.port);
    if (socket < 0) throw support::Error(where + std::strerror(errno));
    return socket;
  }
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string port = std::to_string(address.port);
  if (const int status = ::getaddrinfo(address.host.c_str(), port.c_str(), &hints, &found); status != 0) {
    throw support::Error(where + "cannot resolve host: " + ::gai_strerror(status));
  }
  const std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> owner(found, &::freeaddrinfo);
  int last_error = EADDRNOTAVAIL;
  for (const addrinfo* candidate = found; candidate != nullptr; candidate = candidate->ai_next) {
    const int socket = try_listen(candidate->ai_family, candidate->ai_addr, candidate->ai_addrlen, false);
    if (socket >= 0) return socket;
    last_error = errno;
  }
  throw support::Error(where + std::strerror(last_error));
}

ListenAddress numeric_address(const void* socket_address) {
  ListenAddress numeric;
  char text[INET6_ADDRSTRLEN] = {};
  if (static_cast<const sockaddr*>(socket_address)->sa_family == AF_INET6) {
    const auto* ipv6 = static_cast<const sockaddr_in6*>(socket_address);
    ::inet_ntop(AF_INET6, &ipv6->sin6_addr, text, sizeof(text));
    numeric.port = ntohs(ipv6->sin6_port);
  } else {
    const auto* ipv4 = static_cast<const sockaddr_in*>(socket_address);
    ::inet_ntop(AF_INET, &ipv4->sin_addr, text, sizeof(text));
    numeric.port = ntohs(ipv4->sin_port);
  }
  numeric.host = text;
  return numeric;
}

ListenAddress bound_address(int socket) {
  sockaddr_storage storage{};
  socklen_t length = sizeof(storage);
  if (::getsockname(socket, reinterpret_cast<sockaddr*>(&storage), &length) != 0) return {};
  return numeric_address(&storage);
}

void raise_descriptor_limit(unsigned max_connections) {
  constexpr rlim_t kOwnFiles = 64;  // store, logs, epoll, pipes
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
  const rlim_t wanted = std::min<rlim_t>(limit.rlim_max, max_connections + kOwnFiles);
  if (limit.rlim_cur >= wanted) return;
  limit.rlim_cur = wanted;
  ::setrlimit(RLIMIT_NOFILE, &limit);
}

}  // namespace pebble::http_server
