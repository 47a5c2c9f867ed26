#pragma once
// One transfer of the multi fetcher. Private to src/http; only .cpp files include curl.
#include <cstddef>
#include <memory>
#include <string>

#include "http/http_client.h"

namespace pebble::http {

// The lower-case host of `url` ("" when libcurl cannot parse it), the key of --per-host.
std::string url_host(const std::string& url);

// The easy handle and callback state of one transfer, defined in curl_transfer.cpp.
class TransferState;

// A transfer in flight: its easy handle, options, callbacks and how it ended. libcurl types stay in
// curl_transfer.cpp (CURL is `void` in libcurl's API, CURLcode an int-sized enum).
class CurlTransfer {
 public:
  // Prepares the easy handle for `request`; throws pebble::Error when libcurl cannot allocate it.
  CurlTransfer(std::size_t index, const FetchRequest& request, const FetcherOptions& options);
  ~CurlTransfer();
  CurlTransfer(const CurlTransfer&) = delete;
  CurlTransfer& operator=(const CurlTransfer&) = delete;

  // The CURL easy handle to add to the multi handle.
  void* handle() const;
  // The request's position in the caller's list.
  std::size_t index() const;
  // The host this transfer counts against for --per-host.
  const std::string& host() const;
  // Fills in and hands over the response once libcurl reports the transfer done with `curl_code`.
  FetchResponse finish(int curl_code);
  // Hands over a response saying the transfer was cancelled.
  FetchResponse cancel();

 private:
  std::unique_ptr<TransferState> state_;
};

}  // namespace pebble::http
