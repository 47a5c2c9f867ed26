#pragma once
// SIGINT/SIGTERM as a polite stop request for batch work: the first signal sets a flag the work
// checks between items (it then commits what it has and ends with exit 130, SPEC §1.2); a second
// signal terminates at once, as the default action would.
#include <atomic>

namespace pebble::support {

// Installs the handlers (idempotent).
void install_stop_signal_handlers();

// Whether SIGINT or SIGTERM arrived since install_stop_signal_handlers().
bool stop_requested();

// The flag itself, for work that polls it directly (the feed poller's event loop).
const std::atomic<bool>* stop_flag();

}  // namespace pebble::support
