#include "fetch_flags.h"

#include "http/user_agent.h"

namespace pebble::cli {

void add_fetch_flags(CLI::App& app, FetchFlags& flags, const std::string& max_size_help) {
  if (flags.user_agent.empty()) flags.user_agent = http::default_user_agent();
  app.add_option("--concurrency", flags.concurrency, "Transfers in flight")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  app.add_option("--per-host", flags.per_host, "Transfers in flight to one host")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  app.add_option("--timeout", flags.timeout_seconds, "Whole-transfer timeout in seconds (connect timeout 10)")
      ->check(CLI::Range(1, 86400))
      ->capture_default_str();
  app.add_option("--max-size", flags.max_size, max_size_help)
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 40))
      ->capture_default_str();
  app.add_option("--user-agent", flags.user_agent, "User-Agent header")->capture_default_str();
}

http::FetcherOptions fetcher_options(const FetchFlags& flags, const config::Config& config) {
  http::FetcherOptions options;
  options.concurrency = flags.concurrency;
  options.per_host = flags.per_host;
  options.timeout = std::chrono::seconds(flags.timeout_seconds);
  options.max_size = flags.max_size;
  if (!flags.user_agent.empty()) options.user_agent = flags.user_agent;
  options.deny_private_networks = config.deny_private_networks;
  return options;
}

}  // namespace pebble::cli
