// `pebble serve`: a long-running Prometheus exporter whose /metrics is computed from the store.
#include <signal.h>

#include <spdlog/spdlog.h>

#include "batch/store_options.h"
#include "command_table.h"
#include "config/values.h"
#include "http_server/http_server.h"
#include "server/serve_app.h"
#include "store/open_store.h"
#include "support/clock.h"
#include "support/flag_file.h"
#include "support/redact.h"

namespace pebble::cli {

namespace {

struct ServeOptions {
  std::string listen = "127.0.0.1:9466";
  double cache_ttl_seconds = 10;
  double query_timeout_seconds = 5;
  std::optional<std::string> bearer_token_file;
  std::optional<std::string> basic_auth_file;
  int threads = 4;
  std::optional<std::string> tls_cert_file;
  std::optional<std::string> tls_key_file;
  unsigned max_connections = 1024;
  unsigned max_connections_per_ip = 64;
};

// Blocks SIGINT/SIGTERM in every thread started after this, so sigwait below receives them.
sigset_t block_stop_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

support::ExitCode run_serve(const ServeOptions& options, const config::Config& config) {
  // First, so a SIGTERM arriving while serve starts up still ends it gracefully (exit 0).
  const sigset_t stop_signals = block_stop_signals();
  http_server::ServerOptions server_options;
  server_options.listen = http_server::parse_listen_address(options.listen, "--listen");
  server_options.threads = options.threads;
  server_options.max_connections = options.max_connections;
  server_options.max_connections_per_ip = options.max_connections_per_ip;
  if (options.tls_cert_file) {
    server_options.tls =
        http_server::TlsCredentials{support::read_flag_file(*options.tls_cert_file, "--tls-cert-file"),
                                    support::read_flag_file(*options.tls_key_file, "--tls-key-file")};
  }
  const auto to_ms = [](double seconds) {
    return std::chrono::milliseconds(static_cast<long>(seconds * 1000));
  };
  auto authenticator = server::Authenticator::load(options.bearer_token_file, options.basic_auth_file);

  const std::string database_url = config.database_url;
  store::check_store_exists(database_url);  // a typo'd file is refused at start, not served empty
  server::SnapshotCache cache(server::ServedStore(database_url, batch::store_options(config)), config.metrics,
                              {to_ms(options.cache_ttl_seconds), to_ms(options.query_timeout_seconds)},
                              support::system_clock());
  server::ServeApp app(cache, std::move(authenticator), config.metrics);
  http_server::HttpServer server(
      server_options, [&app](const http_server::HttpRequest& request) { return app.handle(request); });
  server.start();
  spdlog::info("serving metrics of {} on {}://{}/metrics", support::redact_whole_url(database_url),
               server.scheme(), server.address());

  int received = 0;
  sigwait(&stop_signals, &received);
  spdlog::info("received {}; finishing in-flight requests", received == SIGINT ? "SIGINT" : "SIGTERM");
  server.stop();
  return support::ExitCode::kOk;
}

}  // namespace

CommandEntry register_serve(CLI::App& parent) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* app =
      parent.add_subcommand("serve", "Run the Prometheus exporter: /metrics computed from the store");
  app->add_option("--listen", options->listen, "HOST:PORT to listen on [env: PEBBLE_LISTEN]")
      ->envname("PEBBLE_LISTEN")
      ->type_name("HOST:PORT")
      ->capture_default_str();
  app->add_option("--cache-ttl", options->cache_ttl_seconds, "Seconds store-derived values are reused")
      ->type_name("SECONDS")
      ->check(CLI::Range(0.0, 86400.0))
      ->capture_default_str();
  app->add_option("--query-timeout", options->query_timeout_seconds,
                  "Seconds a store query may take before pebble_store_up is 0")
      ->type_name("SECONDS")
      ->check(CLI::Range(0.001, 3600.0))
      ->capture_default_str();
  app->add_option("--bearer-token-file", options->bearer_token_file, "Require this bearer token on /metrics")
      ->type_name("FILE");
  app->add_option("--basic-auth-file", options->basic_auth_file,
                  "Require HTTP Basic auth on /metrics (user:password lines)")
      ->type_name("FILE");
  app->add_option("--threads", options->threads, "Worker threads answering requests")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  auto* cert = app->add_option("--tls-cert-file", options->tls_cert_file,
                               "Serve https with this PEM certificate (chain)")
                   ->type_name("FILE");
  auto* key =
      app->add_option("--tls-key-file", options->tls_key_file, "The PEM private key of --tls-cert-file")
          ->type_name("FILE");
  cert->needs(key);
  key->needs(cert);
  app->add_option("--max-connections", options->max_connections,
                  "Connections open at once; more are closed at once")
      ->check(CLI::Range(1U, 65536U))
      ->capture_default_str();
  app->add_option("--max-connections-per-ip", options->max_connections_per_ip,
                  "Connections open at once from one client address (0: no limit)")
      ->check(CLI::Range(0U, 65536U))
      ->capture_default_str();
  return {app, [options](const config::Config& config) { return run_serve(*options, config); }};
}

}  // namespace pebble::cli
