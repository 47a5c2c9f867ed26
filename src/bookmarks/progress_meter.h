#pragma once
// A one-line progress display on stderr for long imports: items and bytes, redrawn at most ten
// times a second, erased when done. Silent when disabled (stderr not a TTY, --no-progress).
#include <chrono>
#include <cstdint>
#include <string>

namespace pebble::bookmarks {

// Draws "import: 12345 items, 3.1/10.0 MiB (31%)" in place.
class ProgressMeter {
 public:
  ProgressMeter(bool enabled, std::string label);
  ~ProgressMeter();
  ProgressMeter(const ProgressMeter&) = delete;
  ProgressMeter& operator=(const ProgressMeter&) = delete;

  // Reports the current position; draws when the last drawing is old enough.
  void update(std::uint64_t bytes, std::uint64_t total_bytes, std::uint64_t items);
  // Erases the line (also done by the destructor).
  void done();

 private:
  bool enabled_;
  bool drawn_ = false;
  std::string label_;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace pebble::bookmarks
