#pragma once
// The store side of `serve`: one thread owns the store connection and refreshes the metrics
// snapshot one pass at a time (single flight); scrapes share the cached result for --cache-ttl and
// never wait longer than --query-timeout for a slow store (SPEC §7).
#include <chrono>
#include <memory>

#include "config/config.h"
#include "metrics/exposition.h"
#include "server/served_store.h"
#include "support/clock.h"

namespace pebble::server {

// Timing knobs of the cache.
struct SnapshotCacheOptions {
  std::chrono::milliseconds ttl{10'000};           // --cache-ttl: how long a snapshot is reused
  std::chrono::milliseconds query_timeout{5'000};  // --query-timeout: longest wait for a refresh
};

// A cached, single-flight metrics snapshot of the store (reopened after a failure or a replaced
// SQLite file). Thread-safe.
class SnapshotCache {
 public:
  // `clock` dates each pass and decides when a snapshot is older than the ttl; serve passes
  // system_clock(). The query timeout is a real wait for the refresher thread, on the steady clock.
  SnapshotCache(ServedStore store, config::MetricsSettings settings, SnapshotCacheOptions options,
                const support::Clock& clock);
  // Stops the refresher thread (waiting for a pass in progress to end).
  ~SnapshotCache();
  SnapshotCache(const SnapshotCache&) = delete;
  SnapshotCache& operator=(const SnapshotCache&) = delete;

  // A snapshot at most ttl old, refreshing it when needed. When the refresh does not finish within
  // query_timeout, the last values come back with up = false (pebble_store_up 0).
  metrics::StoreSnapshot get();

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace pebble::server
