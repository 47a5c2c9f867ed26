#pragma once
// A deliberately plain HTTP client on raw sockets, so server tests control every byte they send
// (malformed lines, huge headers, silence, pipelining) and see exactly what comes back.
#include <chrono>
#include <cstdint>
#include <string>

namespace pebble::test {

// One response as read off the wire.
struct RawResponse {
  int status = 0;    // 0 when no status line arrived
  std::string head;  // status line and headers, as received
  std::string body;
  bool connection_closed = false;  // the server closed after this response
};

// A TCP connection to a loopback port; every read gives up after `timeout`. Uses no Catch macros,
// so client threads may use it (Catch assertions are not thread-safe).
class RawConnection {
 public:
  // Connects to 127.0.0.1 (or ::1 when `host` is "::1"); throws std::runtime_error on failure.
  explicit RawConnection(std::uint16_t port, const std::string& host = "127.0.0.1",
                         std::chrono::milliseconds timeout = std::chrono::milliseconds(5000));
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  // Sends bytes as they are; false when the socket refused them.
  bool send(const std::string& bytes);
  // Reads one response; `head_request` means no body follows whatever Content-Length says.
  RawResponse read_response(bool head_request = false);
  // True when the server closes the connection (EOF or reset) within `wait`.
  bool closed_by_server(std::chrono::milliseconds wait);

 private:
  int socket_ = -1;
  std::string pending_;  // bytes read beyond the last response
};

// GET `target` on a fresh connection with Connection: close.
RawResponse raw_get(std::uint16_t port, const std::string& target);

// The value of header `name` in a raw head, or "" when absent.
std::string header_value(const std::string& head, const std::string& name);

}  // namespace pebble::test
