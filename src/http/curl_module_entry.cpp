// The curl module's entry point (http/curl_module.h).
#include "http/curl_module.h"

extern "C" const pebble::http::CurlModule* pebble_curl_module() {
  static const pebble::http::CurlModule module{pebble::http::new_curl_fetcher, pebble::http::curl_get,
                                               pebble::http::curl_push, pebble::http::curl_library_version};
  return &module;
}
