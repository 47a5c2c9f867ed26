#pragma once
// The global options of SPEC §1.1, accepted before or after any subcommand.
#include <CLI/CLI.hpp>

#include "config/load_config.h"
#include "store/open_store.h"

namespace pebble::cli {

// Adds the global flags to `app`, bound to `flags`; invalid values fail parsing (exit 2).
void add_global_options(CLI::App& app, GlobalFlags& flags);

// How the commands open the store, from the configuration (PGCONNECT_TIMEOUT).
StoreOptions store_options(const Config& config);

// The text `pebble --version` prints: pebble, its git revision, and the linked libraries.
std::string version_text();

}  // namespace pebble::cli
