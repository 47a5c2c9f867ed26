#pragma once
// Deadline-bounded reads and writes on non-blocking sockets, shared by the server's connections.
// A whole-request deadline (rather than SO_RCVTIMEO, which restarts on every byte) is what stops a
// client that trickles one byte every few seconds from pinning a worker.
#include <chrono>
#include <string>
#include <string_view>

namespace pebble::http_server {

// The clock every server deadline uses.
using SteadyClock = std::chrono::steady_clock;

// How a read or write ended.
enum class IoStatus { kOk, kClosed, kTimeout, kError };

// Reads what is available (at least one byte, waiting until `deadline`) and appends it to `buffer`.
IoStatus receive_some(int socket, std::string& buffer, SteadyClock::time_point deadline);

// Writes all of `data` by `deadline`; never raises SIGPIPE (MSG_NOSIGNAL).
IoStatus send_all(int socket, std::string_view data, SteadyClock::time_point deadline);

// Puts a descriptor in non-blocking mode; false when fcntl fails.
bool set_nonblocking(int descriptor);

// "127.0.0.1:53412" or "[::1]:53412" for a socket address (sockaddr_storage passed as bytes).
std::string describe_peer(const void* socket_address);

// The text of errno value `error_number` ("Address already in use").
std::string error_text(int error_number);

}  // namespace pebble::http_server
