#pragma once
// The HOST:PORT a server listens on, as given by --listen or PEBBLE_LISTEN.
#include <cstdint>
#include <string>
#include <string_view>

namespace pebble::http_server {

// A host (name, IPv4 or IPv6 literal without brackets; empty: every address, IPv6 and IPv4) and a
// TCP port; port 0 asks for any free one.
struct ListenAddress {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;
  // HOST:PORT with an IPv6 host in brackets, as users write it.
  std::string to_string() const;
};

// Parses "HOST:PORT" ("127.0.0.1:9466", "localhost:9466", "[::1]:9466", "0.0.0.0:0", and ":9466" for
// every address, as node_exporter's --web.listen-address takes it); throws
// UsageError naming `source` (the flag or variable the text came from) when it is malformed.
ListenAddress parse_listen_address(std::string_view text, std::string_view source = "--listen");

}  // namespace pebble::http_server
