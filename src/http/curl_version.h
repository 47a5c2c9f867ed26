#pragma once
// The linked libcurl's version, for `pebble --version`.
#include <string>

namespace pebble::http {

// e.g. "7.88.1 (OpenSSL/3.0.x, nghttp2/1.52.0, brotli)".
std::string curl_library_version();

}  // namespace pebble::http
