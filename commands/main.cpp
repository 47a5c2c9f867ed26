// pebble's entry point: parse the command line, build the Config, run one subcommand, and map
// every error to one stderr line and an exit code (SPEC §1.2, §1.3).
#include <cstdio>
#include <iostream>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include "command_table.h"
#include "config/load_config.h"
#include "global_options.h"
#include "support/error.h"
#include "support/logging.h"
#include "support/redact.h"

namespace {

// Errors quote what they reject (a --database or feed URL with its password among them):
// log_fatal masks credentials, and writes a JSON record when JSON logs were asked for.
int report(pebble::support::LogFormat format, const std::string& command, const std::string& message,
           pebble::support::ExitCode code) {
  pebble::support::log_fatal(format, command, message, static_cast<int>(code));
  return static_cast<int>(code);
}

// The subcommand path a message names: "import", or "feeds add" for a nested one.
std::string command_path(const CLI::App& app) {
  std::string path;
  for (const CLI::App* node = &app; !node->get_subcommands().empty();) {
    node = node->get_subcommands().front();
    path += (path.empty() ? "" : " ") + node->get_name();
  }
  return path;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"pebble: a bookmark and feed store with Prometheus metrics that survive short-lived processes",
               "pebble"};
  app.fallthrough();  // global options also work after the subcommand
  app.require_subcommand(0, 1);
  pebble::config::GlobalFlags flags;
  const pebble::config::Environment environment = pebble::config::capture_environment();
  const auto requested_format = [&] { return pebble::config::requested_log_format(flags, environment); };
  pebble::cli::add_global_options(app, flags);
  app.set_version_flag(
      "--version", [] { return pebble::cli::version_text(); },
      "Print the version, git revision and library versions");

  std::vector<pebble::cli::CommandEntry> commands;
  for (const auto register_command : pebble::cli::command_table()) commands.push_back(register_command(app));

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForVersion& version) {
    return app.exit(version);
  } catch (const CLI::ParseError& error) {
    return report(requested_format(), command_path(app), error.what(), pebble::support::ExitCode::kUsage);
  } catch (const pebble::support::Error& error) {
    return report(requested_format(), "", error.what(), error.code());
  }

  const auto selected =
      std::find_if(commands.begin(), commands.end(),
                   [](const pebble::cli::CommandEntry& entry) { return entry.app->parsed(); });
  if (selected == commands.end()) {
    std::cerr << app.help();
    return static_cast<int>(pebble::support::ExitCode::kUsage);
  }
  const std::string command = command_path(app);
  try {
    const pebble::config::Config config =
        pebble::config::load_config(flags, environment, isatty(STDERR_FILENO) != 0);
    pebble::support::setup_logging(config.log_level, config.log_format, command);
    return static_cast<int>(selected->run(config));
  } catch (const pebble::support::Error& error) {
    return report(requested_format(), command, error.what(), error.code());
  } catch (const std::exception& error) {
    return report(requested_format(), command, std::string("internal error: ") + error.what(),
                  pebble::support::ExitCode::kFailure);
  }
}
