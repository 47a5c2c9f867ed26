#include "http/curl_transfer.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>

#include <curl/curl.h>

#include "http/private_address.h"
#include "http/push_client.h"
#include "support/ascii_text.h"
#include "support/error.h"
#include "support/redact.h"

namespace pebble::http {

std::string url_host(const std::string& url) {
  CURLU* parsed = curl_url();
  if (parsed == nullptr) return {};
  std::string host;
  char* part = nullptr;
  if (curl_url_set(parsed, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK &&
      curl_url_get(parsed, CURLUPART_HOST, &part, 0) == CURLUE_OK) {
    host = part;
    curl_free(part);
  }
  curl_url_cleanup(parsed);
  return support::ascii_lower(host);
}

namespace {

std::string trim(std::string text) {
  const auto not_space = [](unsigned char c) { return c != ' ' && c != '\t' && c != '\r' && c != '\n'; };
  text.erase(text.begin(), std::find_if(text.begin(), text.end(), not_space));
  text.erase(std::find_if(text.rbegin(), text.rend(), not_space).base(), text.end());
  return text;
}

FetchFailure failure_of(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return FetchFailure::kTimeout;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return FetchFailure::kDns;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_USE_SSL_FAILED:
      return FetchFailure::kTls;
    case CURLE_TOO_MANY_REDIRECTS:
    case CURLE_UNSUPPORTED_PROTOCOL:
      return FetchFailure::kRedirects;
    case CURLE_FILESIZE_EXCEEDED:
      return FetchFailure::kTooLarge;
    default:
      return FetchFailure::kConnect;
  }
}

}  // namespace

// A transfer in flight and everything its callbacks write into.
class TransferState {
 public:
  // Prepares the easy handle for `request`; throws pebble::Error when libcurl cannot allocate it.
  TransferState(std::size_t index, const FetchRequest& request, const FetcherOptions& options);
  ~TransferState();
  TransferState(const TransferState&) = delete;
  TransferState& operator=(const TransferState&) = delete;

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
  bool cut_at_max_size_;
  bool deny_private_networks_;
  CURL* easy_ = nullptr;
  curl_slist* request_headers_ = nullptr;
  curl_slist* resolve_ = nullptr;
  FetchResponse response_;
  std::vector<long> statuses_;  // status line of every response seen, redirects included
  bool too_large_ = false;
  bool denied_ = false;
  std::chrono::steady_clock::time_point started_;
  char error_text_[CURL_ERROR_SIZE] = {};
};

TransferState::TransferState(std::size_t index, const FetchRequest& request, const FetcherOptions& options)
    : index_(index),
      url_(request.url),
      host_(url_host(request.url)),
      max_size_(options.max_size),
      cut_at_max_size_(options.cut_at_max_size),
      deny_private_networks_(options.deny_private_networks),
      easy_(curl_easy_init()),
      started_(std::chrono::steady_clock::now()) {
  if (easy_ == nullptr)
    throw support::Error("cannot initialise libcurl for " + support::redact_credentials(url_));
  response_.final_url = url_;
  // Servers that ignore Accept are the norm; this only helps content negotiation where it exists.
  request_headers_ = curl_slist_append(request_headers_, ("Accept: " + options.accept).c_str());
  if (request.etag)
    request_headers_ = curl_slist_append(request_headers_, ("If-None-Match: " + *request.etag).c_str());
  if (request.last_modified) {
    request_headers_ =
        curl_slist_append(request_headers_, ("If-Modified-Since: " + *request.last_modified).c_str());
  }
  curl_easy_setopt(easy_, CURLOPT_URL, url_.c_str());
  curl_easy_setopt(easy_, CURLOPT_PRIVATE, this);
  curl_easy_setopt(easy_, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy_, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy_, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(easy_, CURLOPT_MAXREDIRS, static_cast<long>(options.max_redirects));
  curl_easy_setopt(easy_, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy_, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout.count()));
  curl_easy_setopt(easy_, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout.count()));
  curl_easy_setopt(easy_, CURLOPT_ACCEPT_ENCODING, "");  // every encoding this libcurl decodes
  // HTTP/2 where TLS offers it. No CURLOPT_PIPEWAIT: on plain http it holds every other transfer to
  // the host until the first response has arrived, serialising the per-host slots.
  curl_easy_setopt(easy_, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
  curl_easy_setopt(easy_, CURLOPT_USERAGENT, options.user_agent.c_str());
  curl_easy_setopt(easy_, CURLOPT_HTTPHEADER, request_headers_);
  curl_easy_setopt(easy_, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(easy_, CURLOPT_WRITEDATA, this);
  curl_easy_setopt(easy_, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(easy_, CURLOPT_HEADERDATA, this);
  curl_easy_setopt(easy_, CURLOPT_ERRORBUFFER, error_text_);
  if (deny_private_networks_) {
    // Checked on the resolved address of every connection, redirect hops included, so DNS names
    // pointing inside cannot slip through.
    curl_easy_setopt(easy_, CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
    curl_easy_setopt(easy_, CURLOPT_OPENSOCKETDATA, this);
  }
  for (const std::string& entry : options.resolve) resolve_ = curl_slist_append(resolve_, entry.c_str());
  if (resolve_ != nullptr) curl_easy_setopt(easy_, CURLOPT_RESOLVE, resolve_);
}

TransferState::~TransferState() {
  curl_easy_cleanup(easy_);
  curl_slist_free_all(request_headers_);
  curl_slist_free_all(resolve_);
}

std::size_t TransferState::on_body(char* data, std::size_t size, std::size_t count, void* self) {
  auto* transfer = static_cast<TransferState*>(self);
  const std::size_t bytes = size * count;
  // libcurl hands over decoded bytes, so this limits the decompressed size (gzip bombs).
  if (transfer->response_.body.size() + bytes > transfer->max_size_) {
    transfer->too_large_ = true;
    if (transfer->cut_at_max_size_)
      transfer->response_.body.append(data, transfer->max_size_ - transfer->response_.body.size());
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  transfer->response_.body.append(data, bytes);
  return bytes;
}

std::size_t TransferState::on_header(char* data, std::size_t size, std::size_t count, void* self) {
  static_cast<TransferState*>(self)->header_line(std::string(data, size * count));
  return size * count;
}

void TransferState::header_line(std::string line) {
  if (line.rfind("HTTP/", 0) == 0) {
    // A new response starts (the previous one was a redirect being followed): forget its headers.
    const auto space = line.find(' ');
    long status = 0;
    if (space != std::string::npos) status = std::strtol(line.c_str() + space + 1, nullptr, 10);
    if (status >= 200) statuses_.push_back(status);
    response_.content_type.reset();
    response_.etag.reset();
    response_.last_modified.reset();
    response_.cache_control.reset();
    response_.retry_after.reset();
    response_.content_location.reset();
    return;
  }
  const auto colon = line.find(':');
  if (colon == std::string::npos) return;
  const std::string name = trim(line.substr(0, colon));
  std::string value = trim(line.substr(colon + 1));
  if (support::equals_ignoring_ascii_case(name, "content-type"))
    response_.content_type = value;
  else if (support::equals_ignoring_ascii_case(name, "etag"))
    response_.etag = value;
  else if (support::equals_ignoring_ascii_case(name, "last-modified"))
    response_.last_modified = value;
  else if (support::equals_ignoring_ascii_case(name, "cache-control"))
    response_.cache_control = value;
  else if (support::equals_ignoring_ascii_case(name, "retry-after"))
    response_.retry_after = value;
  else if (support::equals_ignoring_ascii_case(name, "content-location"))
    response_.content_location = value;
}

curl_socket_t TransferState::on_open_socket(void* self, curlsocktype /*purpose*/, curl_sockaddr* address) {
  auto* transfer = static_cast<TransferState*>(self);
  bool refused = true;  // anything that is not plain IPv4/IPv6 is refused too
  if (address->family == AF_INET) {
    Ipv4Address bytes{};
    const auto* in = reinterpret_cast<const sockaddr_in*>(&address->addr);
    std::memcpy(bytes.data(), &in->sin_addr, bytes.size());
    refused = is_private_ipv4(bytes) || is_own_address(bytes);
  } else if (address->family == AF_INET6) {
    Ipv6Address bytes{};
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&address->addr);
    std::memcpy(bytes.data(), &in6->sin6_addr, bytes.size());
    refused = is_private_ipv6(bytes) || is_own_address(bytes);
  }
  // Refused before a socket exists: no packet leaves for an address that is not allowed.
  if (refused) {
    transfer->denied_ = true;
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype, address->protocol);
}

double TransferState::elapsed_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

FetchResponse TransferState::finish(CURLcode code) {
  response_.duration_seconds = elapsed_seconds();
  char* effective = nullptr;
  if (curl_easy_getinfo(easy_, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective != nullptr) {
    response_.final_url = effective;
  }
  if (!statuses_.empty()) {
    response_.redirect_statuses.assign(statuses_.begin(), statuses_.end() - 1);
  }
  const std::string where = support::redact_credentials(url_);
  if (code == CURLE_OK || (too_large_ && cut_at_max_size_)) {
    curl_easy_getinfo(easy_, CURLINFO_RESPONSE_CODE, &response_.status);
    response_.truncated = too_large_;
    return std::move(response_);
  }
  response_.status = 0;
  response_.body.clear();
  if (too_large_) {
    response_.failure = FetchFailure::kTooLarge;
    response_.error = where + ": body larger than " + std::to_string(max_size_) + " bytes";
  } else if (denied_ && code == CURLE_COULDNT_CONNECT) {
    response_.failure = FetchFailure::kDenied;
    response_.error = where +
                      ": refused an address that is not globally routable or is this host's own "
                      "(PEBBLE_DENY_PRIVATE_NETWORKS)";
  } else {
    response_.failure = failure_of(code);
    response_.error = where + ": " + (error_text_[0] != '\0' ? error_text_ : curl_easy_strerror(code));
  }
  return std::move(response_);
}

FetchResponse TransferState::cancel() {
  response_.duration_seconds = elapsed_seconds();
  response_.status = 0;
  response_.body.clear();
  response_.failure = FetchFailure::kCancelled;
  response_.error = support::redact_credentials(url_) + ": cancelled";
  return std::move(response_);
}

CurlTransfer::CurlTransfer(std::size_t index, const FetchRequest& request, const FetcherOptions& options)
    : state_(std::make_unique<TransferState>(index, request, options)) {}
CurlTransfer::~CurlTransfer() = default;
void* CurlTransfer::handle() const {
  return state_->handle();
}
std::size_t CurlTransfer::index() const {
  return state_->index();
}
const std::string& CurlTransfer::host() const {
  return state_->host();
}
FetchResponse CurlTransfer::finish(int curl_code) {
  return state_->finish(static_cast<CURLcode>(curl_code));
}
FetchResponse CurlTransfer::cancel() {
  return state_->cancel();
}

}  // namespace pebble::http
