#include "http_server/listen_socket.h"

#include <cerrno>
#include <memory>
#include <netdb.h>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

#include "http_server/socket_io.h"
#include "support/error.h"

namespace pebble::http_server {

namespace {

constexpr int kListenBacklog = 128;

// Tries one resolved address; returns the socket or -1 with errno set.
int try_listen(const addrinfo& candidate) {
  const int socket = ::socket(candidate.ai_family, candidate.ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                              candidate.ai_protocol);
  if (socket < 0) return -1;
  const int enable = 1;
  ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &enable, sizeof(enable));
  if (::bind(socket, candidate.ai_addr, candidate.ai_addrlen) == 0 && ::listen(socket, kListenBacklog) == 0) {
    return socket;
  }
  const int saved = errno;
  ::close(socket);
  errno = saved;
  return -1;
}

}  // namespace

int open_listen_socket(const ListenAddress& address) {
  const std::string where = "cannot listen on " + address.to_string() + ": ";
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
    const int socket = try_listen(*candidate);
    if (socket >= 0) return socket;
    last_error = errno;
  }
  throw support::Error(where + error_text(last_error));
}

std::uint16_t bound_port(int socket) {
  sockaddr_storage storage{};
  socklen_t length = sizeof(storage);
  if (::getsockname(socket, reinterpret_cast<sockaddr*>(&storage), &length) != 0) return 0;
  if (storage.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6*>(&storage)->sin6_port);
  return ntohs(reinterpret_cast<const sockaddr_in*>(&storage)->sin_port);
}

}  // namespace pebble::http_server
