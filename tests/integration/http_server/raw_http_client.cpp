#include "raw_http_client.h"

#include <arpa/inet.h>
#include <array>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

namespace pebble::test {

namespace {

std::string lower(std::string text) {
  for (char& letter : text) letter = static_cast<char>(std::tolower(static_cast<unsigned char>(letter)));
  return text;
}

}  // namespace

RawConnection::RawConnection(std::uint16_t port, const std::string& host, std::chrono::milliseconds timeout) {
  const bool ipv6 = host.find(':') != std::string::npos;
  socket_ = ::socket(ipv6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (socket_ < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
  timeval limit{};
  limit.tv_sec = timeout.count() / 1000;
  limit.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
  ::setsockopt(socket_, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof(limit));
  ::setsockopt(socket_, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof(limit));
  int status = -1;
  if (ipv6) {
    sockaddr_in6 address{};
    address.sin6_family = AF_INET6;
    address.sin6_port = htons(port);
    ::inet_pton(AF_INET6, host.c_str(), &address.sin6_addr);
    status = ::connect(socket_, reinterpret_cast<const sockaddr*>(&address), sizeof(address));
  } else {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    ::inet_pton(AF_INET, host.c_str(), &address.sin_addr);
    status = ::connect(socket_, reinterpret_cast<const sockaddr*>(&address), sizeof(address));
  }
  if (status != 0) {
    const int saved = errno;
    ::close(socket_);
    throw std::runtime_error("connect to " + host + ":" + std::to_string(port) + ": " + std::strerror(saved));
  }
}

RawConnection::~RawConnection() {
  if (socket_ >= 0) ::close(socket_);
}

bool RawConnection::send(const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t written = ::send(socket_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (written <= 0) return false;
    sent += static_cast<std::size_t>(written);
  }
  return true;
}

RawResponse RawConnection::read_response(bool head_request) {
  RawResponse response;
  std::array<char, 8192> chunk{};
  auto fill = [&]() {
    const ssize_t received = ::recv(socket_, chunk.data(), chunk.size(), 0);
    if (received <= 0) return false;
    pending_.append(chunk.data(), static_cast<std::size_t>(received));
    return true;
  };
  std::size_t head_end = std::string::npos;
  while ((head_end = pending_.find("\r\n\r\n")) == std::string::npos) {
    if (!fill()) {
      response.connection_closed = true;
      return response;
    }
  }
  response.head = pending_.substr(0, head_end + 4);
  pending_.erase(0, head_end + 4);
  if (response.head.rfind("HTTP/1.1 ", 0) == 0) response.status = std::stoi(response.head.substr(9, 3));
  const std::string length_text = header_value(response.head, "Content-Length");
  const std::size_t length = head_request || length_text.empty() ? 0 : std::stoul(length_text);
  while (pending_.size() < length) {
    if (!fill()) break;
  }
  response.body = pending_.substr(0, length);
  pending_.erase(0, std::min(length, pending_.size()));
  response.connection_closed = lower(header_value(response.head, "Connection")) == "close";
  return response;
}

bool RawConnection::closed_by_server(std::chrono::milliseconds wait) {
  pollfd entry{socket_, POLLIN, 0};
  if (::poll(&entry, 1, static_cast<int>(wait.count())) <= 0) return false;
  char byte = 0;
  const ssize_t received = ::recv(socket_, &byte, 1, MSG_DONTWAIT);
  return received == 0 || (received < 0 && errno == ECONNRESET);
}

RawResponse raw_get(std::uint16_t port, const std::string& target) {
  RawConnection connection(port);
  connection.send("GET " + target + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
  return connection.read_response();
}

std::string header_value(const std::string& head, const std::string& name) {
  const std::string wanted = "\r\n" + lower(name) + ":";
  const std::string lowered = lower(head);
  const auto found = lowered.find(wanted);
  if (found == std::string::npos) return "";
  const auto start = head.find_first_not_of(' ', found + wanted.size());
  return head.substr(start, head.find("\r\n", start) - start);
}

}  // namespace pebble::test
