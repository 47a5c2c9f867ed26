#pragma once
// The process_* families of the exposing process, read from /proc/self the way the official
// Prometheus client libraries do, so dashboards built for them work unchanged.
#include <optional>

namespace pebble::metrics {

// One reading of the process; a value is missing when /proc does not provide it (not Linux).
struct ProcessSample {
  std::optional<double> cpu_seconds;
  std::optional<double> resident_memory_bytes;
  std::optional<double> virtual_memory_bytes;
  std::optional<double> open_fds;
  std::optional<double> max_fds;
  std::optional<double> start_time_seconds;
};

// Reads /proc/self/stat, /proc/self/fd, /proc/self/limits and /proc/stat now. Never throws.
ProcessSample read_process_sample();

}  // namespace pebble::metrics
