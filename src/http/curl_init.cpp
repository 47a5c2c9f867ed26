// The one curl_global_init of pebble: a function-local static is initialised once, thread-safely.
#include "http/curl_init.h"

#include <curl/curl.h>

#include "support/error.h"

namespace pebble::http {

void ensure_curl_initialized() {
  static const bool initialized = [] { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; }();
  if (!initialized) throw support::Error("cannot initialise libcurl");
}

}  // namespace pebble::http
