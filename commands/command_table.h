#pragma once
// The subcommands pebble offers: each adds itself to the CLI and says how to run once parsed.
#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "config/config.h"
#include "support/error.h"

namespace pebble::cli {

// Runs a parsed subcommand with the run's configuration and returns its exit status.
using RunCommand = std::function<support::ExitCode(const config::Config&)>;

// A registered subcommand: its CLI11 node and how to run it.
struct CommandEntry {
  CLI::App* app = nullptr;
  RunCommand run;
};

// Adds one subcommand (options bound to state it owns) to `parent`.
using RegisterCommand = CommandEntry (*)(CLI::App& parent);

// Every subcommand, in the order `pebble --help` lists them.
const std::vector<RegisterCommand>& command_table();

}  // namespace pebble::cli
