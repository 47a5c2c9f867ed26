#include "server/snapshot_cache.h"

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include <spdlog/spdlog.h>

namespace pebble::server {

struct SnapshotCache::State {
  State(ServedStore served, const support::Clock& time_source)
      : store(std::move(served)), clock(time_source) {}

  ServedStore store;  // used by the refresher thread only
  const support::Clock& clock;
  config::MetricsSettings settings;
  SnapshotCacheOptions options;

  std::mutex mutex;
  std::condition_variable changed;
  std::optional<metrics::StoreSnapshot> snapshot;  // the latest completed pass
  support::Timestamp snapshot_time;                // clock.now() when the latest pass completed
  std::uint64_t generation = 0;                    // completed passes
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
      snapshot_time = clock.now();
      ++generation;
      changed.notify_all();
    }
  }

  // Whether the latest snapshot is younger than the ttl. A clock set back before the snapshot
  // counts as stale, so a wall-clock jump can only cause an early refresh, never a stuck one.
  bool fresh_enough() const {
    if (!snapshot) return false;
    const support::Timestamp now = clock.now();
    const std::int64_t ttl_micros =
        std::chrono::duration_cast<std::chrono::microseconds>(options.ttl).count();
    return now.micros >= snapshot_time.micros && now.micros - snapshot_time.micros < ttl_micros;
  }

  metrics::StoreSnapshot read_once() {
    // A failed pass reports how long it took: an interval, on the steady clock.
    const auto started = std::chrono::steady_clock::now();
    try {
      metrics::StoreSnapshot fresh = metrics::read_store_snapshot(store.get(), settings, clock.now());
      if (!fresh.up) store.reset();  // reconnect on the next pass
      if (fresh.up && !last_failure.empty()) spdlog::info("the store answers again");
      if (fresh.up) last_failure.clear();
      return fresh;
    } catch (const std::exception& error) {
      if (last_failure != error.what()) spdlog::warn("metrics store pass failed: {}", error.what());
      last_failure = error.what();
      store.reset();
      metrics::StoreSnapshot failed;
      failed.query_seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      return failed;
    }
  }
};

SnapshotCache::SnapshotCache(ServedStore store, config::MetricsSettings settings,
                             SnapshotCacheOptions options, const support::Clock& clock)
    : state_(std::make_shared<State>(std::move(store), clock)) {
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
  if (state.fresh_enough()) return *state.snapshot;
  const std::uint64_t waiting_for = state.generation + (state.refreshing ? 2 : 1);
  if (!state.refreshing) state.refresh_wanted = true;
  state.changed.notify_all();
  // A pass already running may have started before the ttl expired; wait for it, then one more
  // only when that one is stale too. Either way, never past the query timeout.
  const bool done = state.changed.wait_for(lock, state.options.query_timeout, [&] {
    return state.generation >= waiting_for || state.fresh_enough();
  });
  if (done && state.snapshot) return *state.snapshot;
  metrics::StoreSnapshot stale = state.snapshot.value_or(metrics::StoreSnapshot{});
  stale.up = false;  // the store did not answer in time
  stale.query_seconds = std::chrono::duration<double>(state.options.query_timeout).count();
  return stale;
}

}  // namespace pebble::server
