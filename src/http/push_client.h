#pragma once
// The project's own Pushgateway client (SPEC §8). prometheus-cpp 1.0.1's Gateway swaps PUT and POST,
// has no timeout, prints errors to stdout and does not URL-encode grouping values, so pebble sends
// its one PUT itself. std-only header; curl stays in push_client.cpp.
#include <string>
#include <string_view>

#include "http/metrics_pusher.h"

namespace pebble::http {

// Sends `request.body` with HTTP PUT to <base>/metrics/job/<job>{/<label>/<value>}; a non-2xx answer
// (a redirect included: none is followed), a timeout or a connection error is a failure and is
// retried `retries` times, except 3xx and 4xx answers other than 408 and 429, which a retry cannot fix.
PushResult push_metrics(const PushRequest& request);

// The MetricsPusher the commands wire in: push_metrics behind the interface.
class CurlPushClient final : public MetricsPusher {
 public:
  // push_metrics(request).
  PushResult push(const PushRequest& request) override { return push_metrics(request); }
};

// The grouping path "/metrics/job/pebble/command/import": values are percent-encoded, and a value
// containing '/' (or empty) is sent as "<label>@base64/<base64url>". Throws pebble::Error for a key
// that does not start with "job" or a label name that is not [a-zA-Z_][a-zA-Z0-9_]*.
std::string grouping_path(const GroupingKey& grouping);

}  // namespace pebble::http
