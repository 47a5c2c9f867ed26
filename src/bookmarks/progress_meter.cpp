#include "bookmarks/progress_meter.h"

#include <cstdio>

namespace pebble::bookmarks {

namespace {

constexpr auto kRedrawInterval = std::chrono::milliseconds(100);

double mebibytes(std::uint64_t bytes) {
  return static_cast<double>(bytes) / (1024.0 * 1024.0);
}

}  // namespace

ProgressMeter::ProgressMeter(bool enabled, std::string label) : enabled_(enabled), label_(std::move(label)) {}

ProgressMeter::~ProgressMeter() {
  done();
}

void ProgressMeter::update(std::uint64_t bytes, std::uint64_t total_bytes, std::uint64_t items) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < kRedrawInterval) return;
  last_draw_ = now;
  drawn_ = true;
  const double percent =
      total_bytes > 0 ? 100.0 * static_cast<double>(bytes) / static_cast<double>(total_bytes) : 100.0;
  std::fprintf(stderr, "\r%s: %llu items, %.1f/%.1f MiB (%.0f%%)\x1b[K", label_.c_str(),
               static_cast<unsigned long long>(items), mebibytes(bytes), mebibytes(total_bytes), percent);
  std::fflush(stderr);
}

void ProgressMeter::done() {
  if (!enabled_ || !drawn_) return;
  std::fputs("\r\x1b[K", stderr);
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace pebble::bookmarks
