#include "support/stop_signal.h"

#include <signal.h>

namespace pebble::support {

namespace {

// Lock-free, so setting it is async-signal-safe.
std::atomic<bool> stop_flag_value{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void on_stop_signal(int) {
  stop_flag_value.store(true);
}

}  // namespace

void install_stop_signal_handlers() {
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;  // the second signal gets the default action: terminate now
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

bool stop_requested() {
  return stop_flag_value.load();
}

const std::atomic<bool>* stop_flag() {
  return &stop_flag_value;
}

}  // namespace pebble::support
