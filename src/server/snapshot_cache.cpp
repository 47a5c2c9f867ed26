#include "server/snapshot_cache.h"

#include <spdlog/spdlog.h>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "support/time.h"

namespace pebble::server {

using Clock = std::chrono::steady_clock;

struct SnapshotCache::State {
  explicit State(ServedStore served) : store(std::move(served)) {}

  ServedStore store;  // used by the refresher thread only
  MetricsSettings settings;
  SnapshotCacheOptions options;

  std::mutex mutex;
  std::condition_variable changed;
  std::optional<metrics::StoreSnapshot> snapshot;  // the latest completed pass
  Clock::time_point snapshot_time;
  std::uint64_t generation = 0;  // completed passes
  bool refresh_wanted = false;
  bool refreshing = false;
  bool stopping = false;
  std::string last_failure;  // refresher thread only: a store outage is logged once, not per pass
  std::thread refresher;

  // The refresher thread: the only user of the store connection, one pass at a time.
  void run() {
    std::unique_lock lock(mutex);
    while (true) {
      changed.wait(lock, [this] { return stopping || refresh_wanted; });
      if (stopping) return;
      refresh_wanted = false;
      refreshing = true;
      lock.unlock();
      metrics::StoreSnapshot fresh = read_once();
      lock.lock();
      refreshing = false;
      snapshot = std::move(fresh);
      snapshot_time = Clock::now();
      ++generation;
      changed.notify_all();
    }
  }

  metrics::StoreSnapshot read_once() {
    const auto started = Clock::now();
    try {
      metrics::StoreSnapshot fresh = metrics::read_store_snapshot(store.get(), settings, now_utc());
      if (!fresh.up) store.reset();  // reconnect on the next pass
      if (fresh.up && !last_failure.empty()) spdlog::info("the store answers again");
      if (fresh.up) last_failure.clear();
      return fresh;
    } catch (const std::exception& error) {
      if (last_failure != error.what()) spdlog::warn("metrics store pass failed: {}", error.what());
      last_failure = error.what();
      store.reset();
      metrics::StoreSnapshot failed;
      failed.query_seconds = std::chrono::duration<double>(Clock::now() - started).count();
      return failed;
    }
  }
};

SnapshotCache::SnapshotCache(ServedStore store, MetricsSettings settings, SnapshotCacheOptions options)
    : state_(std::make_shared<State>(std::move(store))) {
  state_->settings = settings;
  state_->options = options;
  state_->refresher = std::thread([state = state_] { state->run(); });
}

SnapshotCache::~SnapshotCache() {
  {
    std::lock_guard lock(state_->mutex);
    state_->stopping = true;
  }
  state_->changed.notify_all();
  state_->refresher.join();
}

metrics::StoreSnapshot SnapshotCache::get() {
  State& state = *state_;
  std::unique_lock lock(state.mutex);
  if (state.snapshot && Clock::now() - state.snapshot_time < state.options.ttl) return *state.snapshot;
  const std::uint64_t waiting_for = state.generation + (state.refreshing ? 2 : 1);
  if (!state.refreshing) state.refresh_wanted = true;
  state.changed.notify_all();
  // A pass already running may have started before the ttl expired; wait for it, then one more
  // only when that one is stale too. Either way, never past the query timeout.
  const bool done = state.changed.wait_for(lock, state.options.query_timeout, [&] {
    return state.generation >= waiting_for ||
           (state.snapshot && Clock::now() - state.snapshot_time < state.options.ttl);
  });
  if (done && state.snapshot) return *state.snapshot;
  metrics::StoreSnapshot stale = state.snapshot.value_or(metrics::StoreSnapshot{});
  stale.up = false;  // the store did not answer in time
  stale.query_seconds = std::chrono::duration<double>(state.options.query_timeout).count();
  return stale;
}

}  // namespace pebble::server
