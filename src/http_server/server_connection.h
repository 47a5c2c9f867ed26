#pragma once
// Internal to HttpServer: reading one request from a connection, calling the handler and writing
// the response. Kept apart from the thread machinery so each file does one thing.
#include <string>

#include "http_server/http_server.h"

namespace pebble::http_server {

// One accepted client connection.
struct Connection {
  int socket = -1;
  std::string peer;      // "127.0.0.1:53412"
  std::string buffered;  // bytes received beyond the last request (a pipelined next request)
  bool linger = false;   // an error response was sent: close with close_gracefully
};

// Whether a connection may carry another request after the one just served.
enum class AfterRequest { kKeepOpen, kClose };

// Serves one request on `connection` (whose socket is readable or has buffered bytes). `stopping`
// makes the response carry Connection: close. Never closes the socket itself.
AfterRequest serve_one_request(Connection& connection, const ServerOptions& options, const Handler& handler,
                               bool stopping);

// Half-closes, discards what the client still sends for a moment (so it reads our response rather
// than a reset), then closes the socket.
void close_gracefully(int socket);

}  // namespace pebble::http_server
