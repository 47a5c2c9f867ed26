#pragma once
// The project's own Pushgateway client (SPEC §8). prometheus-cpp 1.0.1's Gateway swaps PUT and POST,
// has no timeout, prints errors to stdout and does not URL-encode grouping values, so pebble sends
// its one PUT itself. std-only header; curl stays in push_client.cpp.
#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pebble::http {

// Ordered grouping labels, name then value; the first must be "job" (e.g. job=pebble, command=import).
using GroupingKey = std::vector<std::pair<std::string, std::string>>;

// One push: the metrics body replaces the group `grouping` on the Pushgateway at `base_url`.
struct PushRequest {
  std::string base_url;                     // e.g. "http://localhost:9091" (a path prefix is kept)
  GroupingKey grouping;                     // {{"job", "pebble"}, {"command", "poll-feeds"}}
  std::string body;                         // Prometheus text format 0.0.4
  std::chrono::milliseconds timeout{5000};  // per attempt, connecting included (PEBBLE_PUSH_TIMEOUT)
  int retries = 1;                          // further attempts after a failed one
};

// How a push ended; a failure is a value, not an exception, because it never fails the command.
struct PushResult {
  bool ok = false;
  int attempts = 0;      // HTTP requests made
  long http_status = 0;  // the last response's status, 0 when none arrived
  std::string error;     // one line for a warning; never contains the URL's user:password
};

// Sends `request.body` with HTTP PUT to <base>/metrics/job/<job>{/<label>/<value>}; a non-2xx answer
// (a redirect included: none is followed), a timeout or a connection error is a failure and is
// retried `retries` times, except 3xx and 4xx answers other than 408 and 429, which a retry cannot fix.
PushResult push_metrics(const PushRequest& request);

// The grouping path "/metrics/job/pebble/command/import": values are percent-encoded, and a value
// containing '/' (or empty) is sent as "<label>@base64/<base64url>". Throws pebble::Error for a key
// that does not start with "job" or a label name that is not [a-zA-Z_][a-zA-Z0-9_]*.
std::string grouping_path(const GroupingKey& grouping);

// `url` with any "user:password@" replaced by "<redacted>@", safe for logs.
std::string redact_url_credentials(std::string_view url);

}  // namespace pebble::http
