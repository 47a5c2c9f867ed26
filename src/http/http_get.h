#pragma once
// A plain HTTP GET of a small text resource (metrics-show --url). std-only header.
#include <chrono>
#include <string>

namespace pebble::http {

// What a GET brought back; `error` is set (one line) when no response arrived.
struct GetResult {
  long status = 0;
  std::string body;
  std::string error;
};

// GETs `url` (http/https, redirects not followed) within `timeout`; bodies over `max_bytes` fail.
GetResult http_get(const std::string& url, std::chrono::milliseconds timeout,
                   std::size_t max_bytes = 64 << 20);

}  // namespace pebble::http
