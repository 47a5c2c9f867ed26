#include "http_server/socket_io.h"

#include <algorithm>
#include <arpa/inet.h>
#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

namespace pebble::http_server {

namespace {

// Waits until `socket` is ready for `events` or the deadline passes.
IoStatus wait_ready(int socket, short events, SteadyClock::time_point deadline) {
  while (true) {
    const auto remaining =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - SteadyClock::now()).count();
    if (remaining <= 0) return IoStatus::kTimeout;
    pollfd entry{socket, events, 0};
    const int ready = ::poll(&entry, 1, static_cast<int>(std::min<long long>(remaining, 60'000)));
    if (ready > 0) return IoStatus::kOk;  // errors and hang-ups show up in the following recv/send
    if (ready < 0 && errno != EINTR) return IoStatus::kError;
  }
}

// GNU strerror_r returns the text (maybe a static string); XSI strerror_r fills the buffer.
[[maybe_unused]] std::string strerror_result(const char* text, const char* /*buffer*/, int /*error_number*/) {
  return text;
}
[[maybe_unused]] std::string strerror_result(int result, const char* buffer, int error_number) {
  return result == 0 ? std::string(buffer) : "error " + std::to_string(error_number);
}

}  // namespace

IoStatus receive_some(int socket, std::string& buffer, SteadyClock::time_point deadline) {
  std::array<char, 8192> chunk{};
  while (true) {
    const ssize_t received = ::recv(socket, chunk.data(), chunk.size(), 0);
    if (received > 0) {
      buffer.append(chunk.data(), static_cast<std::size_t>(received));
      return IoStatus::kOk;
    }
    if (received == 0) return IoStatus::kClosed;
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) return IoStatus::kError;
    if (const IoStatus waited = wait_ready(socket, POLLIN, deadline); waited != IoStatus::kOk) return waited;
  }
}

IoStatus send_all(int socket, std::string_view data, SteadyClock::time_point deadline) {
  while (!data.empty()) {
    const ssize_t sent = ::send(socket, data.data(), data.size(), MSG_NOSIGNAL);
    if (sent > 0) {
      data.remove_prefix(static_cast<std::size_t>(sent));
      continue;
    }
    if (sent < 0 && errno == EINTR) continue;
    if (sent < 0 && errno != EAGAIN && errno != EWOULDBLOCK) return IoStatus::kError;
    if (const IoStatus waited = wait_ready(socket, POLLOUT, deadline); waited != IoStatus::kOk) return waited;
  }
  return IoStatus::kOk;
}

bool set_nonblocking(int descriptor) {
  const int flags = ::fcntl(descriptor, F_GETFL, 0);
  return flags >= 0 && ::fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) == 0;
}

std::string describe_peer(const void* socket_address) {
  sockaddr_storage storage{};
  std::memcpy(&storage, socket_address, sizeof(storage));
  std::array<char, INET6_ADDRSTRLEN> text{};
  if (storage.ss_family == AF_INET) {
    sockaddr_in address{};
    std::memcpy(&address, &storage, sizeof(address));
    ::inet_ntop(AF_INET, &address.sin_addr, text.data(), text.size());
    return std::string(text.data()) + ":" + std::to_string(ntohs(address.sin_port));
  }
  if (storage.ss_family == AF_INET6) {
    sockaddr_in6 address{};
    std::memcpy(&address, &storage, sizeof(address));
    ::inet_ntop(AF_INET6, &address.sin6_addr, text.data(), text.size());
    return "[" + std::string(text.data()) + "]:" + std::to_string(ntohs(address.sin6_port));
  }
  return "unknown";
}

std::string error_text(int error_number) {
  std::array<char, 256> buffer{};
  return strerror_result(::strerror_r(error_number, buffer.data(), buffer.size()), buffer.data(),
                         error_number);
}

}  // namespace pebble::http_server
