#pragma once
// Opening the server's listening socket: resolve, bind, listen.
#include <cstdint>

#include "http_server/listen_address.h"

namespace pebble::http_server {

// A non-blocking, close-on-exec socket listening on `address`; throws pebble::Error
// ("cannot listen on 127.0.0.1:9466: Address already in use").
int open_listen_socket(const ListenAddress& address);

// The port a listening socket is bound to.
std::uint16_t bound_port(int socket);

}  // namespace pebble::http_server
