#pragma once
// The HTTP server of `pebble serve`, of the loopback feed server of `pebble test-metrics` and of fake
// services in tests: libmicrohttpd underneath, in the httpd module (mhd_engine.cpp is the only file
// that sees it). One
// epoll event-loop thread reads requests and writes responses for every connection, so a client that
// sends nothing, trickles its head or never reads its answer costs a socket, not a thread; only a
// complete request reaches the handler, which runs on a pool of worker threads, so a slow handler
// (a store query) never stalls the other connections. std-only header.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "http_server/http_message.h"
#include "http_server/listen_address.h"

namespace pebble::http_server {

// Answers one request. It may throw: the client then gets a 500 and the server keeps serving.
using Handler = std::function<HttpResponse(const HttpRequest&)>;

// What a TLS server presents: its certificate (chain) and private key, as PEM text.
struct TlsCredentials {
  std::string cert_pem;
  std::string key_pem;
};

// Limits and timeouts of one server; the defaults suit `pebble serve`.
struct ServerOptions {
  ListenAddress listen;                             // where to bind; port 0 picks a free port
  int threads = 4;                                  // worker threads running the handler
  std::chrono::seconds connection_timeout{10};      // a connection silent this long is closed
  std::chrono::milliseconds drain_timeout{10'000};  // stop() waits this long for in-flight requests
  std::size_t max_head_bytes = 16 * 1024;           // request line + headers; beyond: 414 or 431
  std::size_t max_body_bytes = 1024 * 1024;         // beyond: 413
  unsigned max_connections = 1024;                  // further connections are closed at once
  unsigned max_connections_per_ip = 0;              // the same, per client address; 0: no limit
  std::optional<TlsCredentials> tls;                // serve https instead of http
  bool gzip = true;                                 // compress when the client accepts gzip
};

// The engine behind HttpServer (httpd_module.h).
class ServerEngine;

// The server; start() binds and begins serving, stop() (or the destructor) shuts it down.
class HttpServer {
 public:
  // Keeps the options and handler; nothing is bound until start().
  HttpServer(ServerOptions options, Handler handler);
  // Stops the server if it is running (the engine's destructor does).
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds, starts the threads and returns the bound port; throws pebble::Error when it cannot
  // listen ("cannot listen on 127.0.0.1:9466: Address already in use") or its TLS credentials are
  // rejected.
  std::uint16_t start();
  // Stops accepting, lets in-flight requests finish (up to drain_timeout; those still running then
  // are answered 503) and joins every thread. Safe to call twice.
  void stop();
  // The bound port, 0 before start().
  std::uint16_t port() const;
  // HOST:PORT of the bound socket, for logs and URLs ("127.0.0.1:40123").
  std::string address() const;
  // "http" or "https".
  std::string scheme() const;

 private:
  // The libmicrohttpd server of the httpd module (httpd_module.h), kept out of this header.
  std::unique_ptr<ServerEngine> engine_;
};

}  // namespace pebble::http_server
