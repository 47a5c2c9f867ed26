#pragma once
// Opening the server's listening socket: resolve, bind, listen. Done here rather than by
// libmicrohttpd so that host names resolve, every failure names the address and errno, and an
// empty host gets one dual-stack socket (IPv6 and IPv4, like node_exporter's ":9100").
#include <cstdint>

#include "http_server/listen_address.h"

namespace pebble::http_server {

// A non-blocking, close-on-exec socket listening on `address`; throws pebble::Error
// ("cannot listen on 127.0.0.1:9466: Address already in use").
int open_listen_socket(const ListenAddress& address);

// The numeric address and port of a sockaddr_in or sockaddr_in6 (a client's, a bound socket's).
ListenAddress numeric_address(const void* socket_address);

// The numeric address and port a listening socket is bound to ("127.0.0.1", "::").
ListenAddress bound_address(int socket);

// Lets the process open max_connections sockets plus its own files: the soft limit is often 1024,
// the hard one far higher. Best effort; the server refuses connections beyond whatever is left.
void raise_descriptor_limit(unsigned max_connections);

}  // namespace pebble::http_server
