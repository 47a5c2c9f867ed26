#include "metrics/process_metrics.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace pebble::metrics {
namespace {

// The fields of /proc/self/stat after the command name (which may contain spaces and parentheses),
// numbered so that fields[0] is field 3 (state) of proc(5).
std::vector<std::string> stat_fields_after_name() {
  std::ifstream file("/proc/self/stat");
  std::string line;
  if (!std::getline(file, line)) return {};
  auto name_end = line.rfind(')');
  if (name_end == std::string::npos) return {};
  std::istringstream rest(line.substr(name_end + 1));
  std::vector<std::string> fields;
  for (std::string field; rest >> field;) fields.push_back(field);
  return fields;
}

// Seconds since the epoch at boot, from the btime line of /proc/stat.
std::optional<double> boot_time_seconds() {
  std::ifstream file("/proc/stat");
  for (std::string line; std::getline(file, line);) {
    if (line.rfind("btime ", 0) == 0) return std::stod(line.substr(6));
  }
  return std::nullopt;
}

// The soft limit on open files from /proc/self/limits.
std::optional<double> max_open_files() {
  std::ifstream file("/proc/self/limits");
  const std::string prefix = "Max open files";
  for (std::string line; std::getline(file, line);) {
    if (line.rfind(prefix, 0) != 0) continue;
    std::istringstream values(line.substr(prefix.size()));
    std::string soft;
    values >> soft;
    if (soft == "unlimited") return std::nullopt;
    return std::stod(soft);
  }
  return std::nullopt;
}

std::optional<double> open_file_descriptors() {
  std::error_code error;
  std::filesystem::directory_iterator entries("/proc/self/fd", error);
  if (error) return std::nullopt;
  double count = 0;
  for (auto it = entries; it != std::filesystem::directory_iterator(); it.increment(error)) {
    if (error) return std::nullopt;
    ++count;
  }
  // The iterator's own descriptor was open while counting; the official clients count it too.
  return count;
}

}  // namespace

ProcessSample read_process_sample() {
  ProcessSample sample;
  try {
    auto fields = stat_fields_after_name();
    // proc(5): utime 14, stime 15, starttime 22, vsize 23, rss 24 → indexes 11, 12, 19, 20, 21.
    if (fields.size() > 21) {
      double ticks_per_second = static_cast<double>(sysconf(_SC_CLK_TCK));
      double page_size = static_cast<double>(sysconf(_SC_PAGESIZE));
      sample.cpu_seconds = (std::stod(fields[11]) + std::stod(fields[12])) / ticks_per_second;
      sample.virtual_memory_bytes = std::stod(fields[20]);
      sample.resident_memory_bytes = std::stod(fields[21]) * page_size;
      if (auto boot = boot_time_seconds()) {
        sample.start_time_seconds = *boot + std::stod(fields[19]) / ticks_per_second;
      }
    }
    sample.open_fds = open_file_descriptors();
    sample.max_fds = max_open_files();
  } catch (const std::exception&) {  // malformed /proc text: expose what was read, never fail
  }
  return sample;
}

}  // namespace pebble::metrics
