#pragma once
// The polite fetcher's flags (SPEC §6: --concurrency, --per-host, --timeout, --max-size,
// --user-agent), one spelling for every command that fetches in bulk: poll-feeds and unfurl.
#include <cstddef>
#include <string>

#include <CLI/CLI.hpp>

#include "config/config.h"
#include "http/http_client.h"

namespace pebble::cli {

// What the flags hold, with poll-feeds' defaults.
struct FetchFlags {
  int concurrency = 16;
  int per_host = 2;
  int timeout_seconds = 30;
  std::size_t max_size = 10 * 1024 * 1024;
  std::string user_agent;  // the default user agent when empty
};

// Adds the flags to `app`; `max_size_help` says what --max-size does for this command.
void add_fetch_flags(CLI::App& app, FetchFlags& flags, const std::string& max_size_help);

// The fetcher's options from the flags and PEBBLE_DENY_PRIVATE_NETWORKS.
http::FetcherOptions fetcher_options(const FetchFlags& flags, const config::Config& config);

}  // namespace pebble::cli
