#pragma once
// Fetching many HTTP resources at once (poll-feeds): the request and response values and the
// Fetcher interface, so the poller can run against a fake. std-only header; the libcurl multi
// implementation lives in curl_fetcher.cpp.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pebble::http {

// One conditional GET.
struct FetchRequest {
  std::string url;
  std::optional<std::string> etag;           // sent as If-None-Match
  std::optional<std::string> last_modified;  // sent as If-Modified-Since
};

// Why no usable response arrived; kNone when a response (any status) was received.
enum class FetchFailure { kNone, kTimeout, kDns, kConnect, kTls, kTooLarge, kRedirects, kDenied, kCancelled };

// What one request brought back. Headers are those of the final response of a redirect chain.
struct FetchResponse {
  long status = 0;  // HTTP status of the final response, 0 when none arrived
  std::string body;
  std::string final_url;                // the URL the final response came from
  std::vector<long> redirect_statuses;  // status of every redirect hop followed, in order
  std::optional<std::string> content_type;
  std::optional<std::string> etag;
  std::optional<std::string> last_modified;
  std::optional<std::string> cache_control;
  std::optional<std::string> retry_after;
  std::optional<std::string> content_location;  // the base of the document when present (RFC 9110 §8.7)
  FetchFailure failure = FetchFailure::kNone;
  std::string error;  // one line when failure != kNone
  double duration_seconds = 0;
  bool truncated = false;  // the body is the first max_size bytes of a longer one (cut_at_max_size)
};

// The Accept header of feed fetches: feed types first, generic XML and JSON still welcome.
inline constexpr const char* kAcceptFeeds =
    "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.7, */*;q=0.5";

// Limits of one fetch run (SPEC §6 flags).
struct FetcherOptions {
  int concurrency = 16;                       // transfers in flight
  int per_host = 2;                           // transfers in flight to one host
  std::chrono::milliseconds timeout{30'000};  // whole transfer
  std::chrono::milliseconds connect_timeout{10'000};
  std::size_t max_size = 10 * 1024 * 1024;  // decompressed body bytes
  // A longer body is a kTooLarge failure, or with this set the first max_size bytes of it, kept as
  // a response (truncated = true): a web page's metadata sits at its start.
  bool cut_at_max_size = false;
  std::string accept = kAcceptFeeds;  // the Accept header's value
  int max_redirects = 5;
  std::string user_agent;              // empty: pebble's own (http/user_agent.h), which the fetcher fills in
  bool deny_private_networks = false;  // refuse every address that is not globally routable
  // Names pinned to addresses, "HOST:PORT:ADDRESS" as curl --resolve takes them: a resolver stub, so
  // a test can resolve a loopback name to every address form without asking DNS or connecting out.
  std::vector<std::string> resolve;
};

// Called once per request, on the thread that called fetch_all, as each transfer completes.
using FetchDone = std::function<void(std::size_t index, FetchResponse response)>;

// Runs many GETs concurrently.
class Fetcher {
 public:
  virtual ~Fetcher() = default;
  // Fetches every request and reports each through `done` (index into `requests`). Returns when all
  // are reported; when `stop` becomes true, transfers still running are reported as kCancelled.
  virtual void fetch_all(const std::vector<FetchRequest>& requests, const FetchDone& done,
                         const std::atomic<bool>* stop) = 0;
};

// The libcurl multi-interface fetcher: one event loop, HTTP/1.1 and HTTP/2, connection reuse.
std::unique_ptr<Fetcher> make_curl_fetcher(const FetcherOptions& options);

// "timeout", "dns", ... for logs and tests.
const char* fetch_failure_name(FetchFailure failure);

}  // namespace pebble::http
