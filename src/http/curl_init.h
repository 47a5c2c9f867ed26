#pragma once
// libcurl's process-wide initialisation, done in one place for every curl user in src/http.

namespace pebble::http {

// Runs curl_global_init once per process (it is not thread-safe in libcurl 7.88, so every curl
// user calls this before its first handle). Throws pebble::Error when libcurl cannot initialise.
void ensure_curl_initialized();

}  // namespace pebble::http
