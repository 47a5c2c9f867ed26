#pragma once
// The User-Agent pebble sends to feed servers, naming the project so publishers can find it.
#include <string>

namespace pebble::http {

// Where pebble lives; the URL in the User-Agent (documented in the README and man page).
inline constexpr const char* kProjectUrl = "https://github.com/pebble-feeds/pebble";

// "pebble/<version> (+https://github.com/pebble-feeds/pebble)".
std::string default_user_agent();

}  // namespace pebble::http
