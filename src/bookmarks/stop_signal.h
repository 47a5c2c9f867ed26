#pragma once
// SIGINT/SIGTERM as a polite stop request for batch work: the first signal sets a flag the work
// checks between items (it then commits its current batch and ends with exit 130); a second
// signal terminates at once, as the default action would.
namespace pebble::bookmarks {

// Installs the handlers (idempotent).
void install_stop_signal_handlers();

// Whether SIGINT or SIGTERM arrived since install_stop_signal_handlers().
bool stop_requested();

}  // namespace pebble::bookmarks
