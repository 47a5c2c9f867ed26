#pragma once
// The curl module, pebble-curl.so (the curl_* files, the push client's curl half and libcurl): what
// it hands out. std-only, so curl_module.cpp can load it without seeing curl and forward
// make_curl_fetcher, http_get and push_metrics to it (support/module_loader.h says why libcurl is a
// module).
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "http/http_client.h"
#include "http/http_get.h"
#include "http/metrics_pusher.h"

namespace pebble::http {

// The module's functions.
struct CurlModule {
  // make_curl_fetcher (http_client.h).
  std::unique_ptr<Fetcher> (*make_fetcher)(const FetcherOptions& options);
  // http_get (http_get.h).
  GetResult (*get)(const std::string& url, std::chrono::milliseconds timeout, std::size_t max_bytes);
  // push_metrics (push_client.h).
  PushResult (*push)(const PushRequest& request);
  // The libcurl the module runs with and its features, e.g. "7.88.1 (OpenSSL/3.0.15, nghttp2/1.52.0)".
  std::string (*library_version)();
};

// The name of its entry point, extern "C" const CurlModule* pebble_curl_module().
inline constexpr const char* kCurlModuleEntry = "pebble_curl_module";

// The module's functions, loaded on first use (support::module_table).
const CurlModule& curl_module();

// Inside the module: the functions of its table, one per file.
std::unique_ptr<Fetcher> new_curl_fetcher(const FetcherOptions& options);  // curl_fetcher.cpp
GetResult curl_get(const std::string& url, std::chrono::milliseconds timeout,
                   std::size_t max_bytes);         // curl_get.cpp
PushResult curl_push(const PushRequest& request);  // push_client.cpp
std::string curl_library_version();                // curl_version.cpp

}  // namespace pebble::http
