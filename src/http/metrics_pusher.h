#pragma once
// What a batch command needs from the Pushgateway (SPEC §8): one push of a rendered body under a
// grouping key. std-only, so the batch runner can take a fake in its tests; the real one is the
// curl client of http/push_client.h.
#include <chrono>
#include <string>
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

// Sends metrics to a Pushgateway.
class MetricsPusher {
 public:
  virtual ~MetricsPusher() = default;
  // Replaces the group `request.grouping` with `request.body`; reports failure as a value.
  virtual PushResult push(const PushRequest& request) = 0;
};

}  // namespace pebble::http
