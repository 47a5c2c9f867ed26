#include <memory>

#include <curl/curl.h>

#include "http/curl_init.h"
#include "http/curl_module.h"
#include "http/http_get.h"
#include "http/push_client.h"
#include "support/error.h"
#include "support/redact.h"

namespace pebble::http {

namespace {

struct Sink {
  std::string* body;
  std::size_t max_bytes;
};

std::size_t collect(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  if (sink->body->size() + size * count > sink->max_bytes) return 0;  // aborts the transfer
  sink->body->append(data, size * count);
  return size * count;
}

}  // namespace

GetResult curl_get(const std::string& url, std::chrono::milliseconds timeout, std::size_t max_bytes) {
  GetResult result;
  try {
    ensure_curl_initialized();  // curl_easy_init would do it too, but not thread-safely
  } catch (const support::Error& failure) {
    result.error = failure.what();
    return result;
  }
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) {
    result.error = "cannot initialise libcurl";
    return result;
  }
  Sink sink{&result.body, max_bytes};
  char error_text[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
  curl_easy_setopt(curl.get(), CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(curl.get(), CURLOPT_ERRORBUFFER, error_text);
  const CURLcode code = curl_easy_perform(curl.get());
  if (code != CURLE_OK) {
    result.error = support::redact_credentials(url) + ": " +
                   (error_text[0] != '\0' ? error_text : curl_easy_strerror(code));
    return result;
  }
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &result.status);
  return result;
}

}  // namespace pebble::http
