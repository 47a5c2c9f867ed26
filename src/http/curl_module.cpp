// The forwarders to the curl module: what the rest of pebble calls to fetch, GET and push.
#include "http/curl_module.h"

#include "http/push_client.h"
#include "support/module_loader.h"

namespace pebble::http {

const CurlModule& curl_module() {
  static const CurlModule& module = support::module_table<CurlModule>("curl", kCurlModuleEntry);
  return module;
}

std::unique_ptr<Fetcher> make_curl_fetcher(const FetcherOptions& options) {
  return curl_module().make_fetcher(options);
}

GetResult http_get(const std::string& url, std::chrono::milliseconds timeout, std::size_t max_bytes) {
  return curl_module().get(url, timeout, max_bytes);
}

PushResult push_metrics(const PushRequest& request) {
  return curl_module().push(request);
}

}  // namespace pebble::http
