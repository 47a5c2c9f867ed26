#include "command_table.h"

namespace pebble::cli {

CommandEntry register_test_metrics(CLI::App& parent);
CommandEntry register_metrics_show(CLI::App& parent);
CommandEntry register_serve(CLI::App& parent);
CommandEntry register_poll_feeds(CLI::App& parent);
CommandEntry register_import(CLI::App& parent);
CommandEntry register_export(CLI::App& parent);
CommandEntry register_feeds(CLI::App& parent);
CommandEntry register_items(CLI::App& parent);
CommandEntry register_bookmarks(CLI::App& parent);
CommandEntry register_unfurl(CLI::App& parent);

const std::vector<RegisterCommand>& command_table() {
  // Each subcommand joins this table in the change that makes it work: no placeholders.
  static const std::vector<RegisterCommand> table{
      register_test_metrics, register_metrics_show, register_serve, register_import,    register_export,
      register_poll_feeds,   register_feeds,        register_items, register_bookmarks, register_unfurl};
  return table;
}

}  // namespace pebble::cli
