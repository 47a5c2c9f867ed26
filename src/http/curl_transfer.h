#pragma once
// One libcurl easy handle of the multi fetcher: its options, callbacks and the classification of
// how it ended. Private to src/http (curl types stay inside curl_* files).
#include <curl/curl.h>

#include <chrono>
#include <string>

#include "http/http_client.h"

namespace pebble::http {

// The lower-case host of `url` ("" when libcurl cannot parse it), the key of --per-host.
std::string url_host(const std::string& url);

// A transfer in flight and everything its callbacks write into.
class CurlTransfer {
 public:
  // Prepares the easy handle for `request`; throws pebble::Error when libcurl cannot allocate it.
  CurlTransfer(std::size_t index, const FetchRequest& request, const FetcherOptions& options);
  ~CurlTransfer();
  CurlTransfer(const CurlTransfer&) = delete;
  CurlTransfer& operator=(const CurlTransfer&) = delete;

  // The easy handle to add to the multi handle.
  CURL* handle() const { return easy_; }
  // The request's position in the caller's list.
  std::size_t index() const { return index_; }
  // The host this transfer counts against for --per-host.
  const std::string& host() const { return host_; }
  // Fills in and hands over the response once libcurl reports the transfer done with `code`.
  FetchResponse finish(CURLcode code);
  // Hands over a response saying the transfer was cancelled.
  FetchResponse cancel();

 private:
  static std::size_t on_body(char* data, std::size_t size, std::size_t count, void* self);
  static std::size_t on_header(char* data, std::size_t size, std::size_t count, void* self);
  static curl_socket_t on_open_socket(void* self, curlsocktype purpose, curl_sockaddr* address);
  void header_line(std::string line);
  double elapsed_seconds() const;

  std::size_t index_;
  std::string url_;
  std::string host_;
  std::size_t max_size_;
  bool deny_private_networks_;
  CURL* easy_ = nullptr;
  curl_slist* request_headers_ = nullptr;
  FetchResponse response_;
  std::vector<long> statuses_;  // status line of every response seen, redirects included
  bool too_large_ = false;
  bool denied_ = false;
  std::chrono::steady_clock::time_point started_;
  char error_text_[CURL_ERROR_SIZE] = {};
};

}  // namespace pebble::http
