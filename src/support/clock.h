#pragma once
// Where time comes from. Every reader of the current time takes a Clock, so tests can set and
// advance time instead of sleeping for it to pass.
#include <atomic>
#include <chrono>
#include <cstdint>

#include "support/time.h"

namespace pebble::support {

// A source of the current UTC time.
class Clock {
 public:
  virtual ~Clock() = default;
  // The current time.
  virtual Timestamp now() const = 0;
};

// The wall clock (now_utc); the one the commands wire in.
class SystemClock final : public Clock {
 public:
  Timestamp now() const override { return now_utc(); }
};

// The process-wide wall clock, for the default arguments of constructors.
const Clock& system_clock();

// A clock that stands still until told to move; for tests. Atomic, since the code under test may
// read it from worker threads while the test moves it.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Timestamp start) : micros_(start.micros) {}
  Timestamp now() const override { return Timestamp{micros_.load()}; }
  // Jumps to `t`.
  void set(Timestamp t) { micros_.store(t.micros); }
  // Moves forward by `step`.
  void advance(std::chrono::microseconds step) { micros_.fetch_add(step.count()); }

 private:
  std::atomic<std::int64_t> micros_;
};

}  // namespace pebble::support
