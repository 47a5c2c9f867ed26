#pragma once
// A small multi-threaded HTTP/1.1 server on POSIX sockets: `pebble serve`, the loopback feed server
// of `pebble test-metrics`, and fake services in tests. One poller thread accepts connections and
// watches idle keep-alive ones; a fixed pool of workers serves requests that have bytes waiting, so
// a client that connects and sends nothing never occupies a worker. std-only header.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http_server/http_message.h"
#include "http_server/listen_address.h"

namespace pebble::http_server {

// Answers one request. It may throw: the client then gets a 500 and the server keeps serving.
using Handler = std::function<HttpResponse(const HttpRequest&)>;

// Limits and timeouts of one server; the defaults suit `pebble serve`.
struct ServerOptions {
  ListenAddress listen;                                  // where to bind; port 0 picks a free port
  int threads = 4;                                       // worker threads answering requests
  std::chrono::milliseconds request_timeout{10'000};     // a whole request must arrive within this
  std::chrono::milliseconds keep_alive_timeout{60'000};  // idle time before a kept-alive connection closes
  std::chrono::milliseconds write_timeout{10'000};       // a response must be taken within this
  std::chrono::milliseconds drain_timeout{10'000};       // stop() waits this long for in-flight requests
  std::size_t max_head_bytes = 16 * 1024;                // request line + headers; beyond: 414 or 431
  std::size_t max_body_bytes = 1024 * 1024;              // beyond: 413
  std::size_t max_connections = 512;                     // further connections are closed at once
};

// The server; start() binds and begins serving, stop() (or the destructor) shuts it down.
class HttpServer {
 public:
  // Keeps the options and handler; nothing is bound until start().
  HttpServer(ServerOptions options, Handler handler);
  // Stops the server if it is running.
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds, starts the threads and returns the bound port; throws pebble::Error when it cannot
  // listen ("cannot listen on 127.0.0.1:9466: Address already in use").
  std::uint16_t start();
  // Stops accepting, lets in-flight requests finish (up to drain_timeout, then their sockets are shut
  // down) and joins every thread. Safe to call twice.
  void stop();
  // The bound port, 0 before start().
  std::uint16_t port() const;
  // HOST:PORT of the bound socket, for logs and URLs ("127.0.0.1:40123").
  std::string address() const;

 private:
  // Sockets, threads and queues, kept out of this header.
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace pebble::http_server
