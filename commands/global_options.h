#pragma once
// The global options of SPEC §1.1, accepted before or after any subcommand.
#include <CLI/CLI.hpp>

#include "config/load_config.h"

namespace pebble::cli {

// Adds the global flags to `app`, bound to `flags`; invalid values fail parsing (exit 2).
void add_global_options(CLI::App& app, config::GlobalFlags& flags);

// The text `pebble --version` prints: pebble, its git revision, and the linked libraries.
std::string version_text();

}  // namespace pebble::cli
