// The engine of HttpServer on libmicrohttpd, in the httpd module: the only file that includes
// <microhttpd.h>. MHD's epoll thread reads requests, enforces the connection limits and timeouts and
// writes responses; a complete request suspends its connection and goes to the worker pool, and the
// worker's answer resumes it.
#include <cerrno>
#include <condition_variable>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <exception>
#include <microhttpd.h>
#include <mutex>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

#include <spdlog/spdlog.h>

#include "http_server/handler_response.h"
#include "http_server/httpd_module.h"
#include "http_server/listen_socket.h"
#include "http_server/worker_pool.h"
#include "support/error.h"
#include "support/redact.h"

namespace pebble::http_server {

namespace {

// MHD's memory pool per connection holds the request head and the response head; this much of it
// is kept for the response head, the rest bounds the request head (beyond: 414 or 431).
constexpr std::size_t kResponseHeadReserve = 2 * 1024;
// After the drain timed out, how long stop() gives the 503s it queued to reach their clients.
constexpr auto kAbandonGrace = std::chrono::milliseconds(1000);

// One request from its request line to its completion. The URI callback creates it (the only place
// MHD shows the raw target); MHD keeps it as the request's context; a worker shares it while the
// connection is suspended.
struct Exchange {
  MHD_Connection* connection = nullptr;
  HttpRequest request;
  bool head_seen = false;   // the access handler was called once: method and headers are known
  bool too_large = false;   // the body passed max_body_bytes: answered 413 once it is read
  bool dispatched = false;  // handed to the workers, the connection suspended
  bool answered = false;    // `response` is final (guarded by State::mutex once dispatched)
  HttpResponse response;
};
using ExchangeHolder = std::shared_ptr<Exchange>;

MHD_Result collect_header(void* headers, MHD_ValueKind, const char* name, const char* value) {
  static_cast<HttpHeaders*>(headers)->add(name, value != nullptr ? value : "");
  return MHD_YES;
}

}  // namespace

namespace {

// One server: the daemon, the worker pool and the requests in flight.
struct State {
  ServerOptions options;
  Handler handler;
  MHD_Daemon* daemon = nullptr;
  int listen_socket = -1;
  ListenAddress bound;
  std::unique_ptr<WorkerPool> workers;
  bool started = false;
  bool stopped = false;
  std::mutex lifecycle_mutex;  // start() and stop() may come from different threads (a signal watcher)

  std::mutex mutex;  // guards everything below and the `answered`/`response` of dispatched exchanges
  std::condition_variable settled;      // in_flight went down
  std::vector<ExchangeHolder> pending;  // dispatched, no final response yet
  std::size_t in_flight = 0;            // dispatched and not completed (response not yet sent)
  bool stopping = false;                // responses carry Connection: close
  bool refusing = false;                // the drain timed out: new requests get 503 at once
  std::string last_library_message;     // MHD's last log line, for a start failure

  static void* on_uri(void* /*state*/, const char* uri, MHD_Connection* connection) {
    auto* holder = new ExchangeHolder(std::make_shared<Exchange>());
    Exchange& exchange = **holder;
    exchange.connection = connection;
    exchange.request.target = uri != nullptr ? uri : "";
    const auto question = exchange.request.target.find('?');
    exchange.request.path = exchange.request.target.substr(0, question);
    if (question != std::string::npos) exchange.request.query = exchange.request.target.substr(question + 1);
    return holder;
  }

  static void on_completed(void* state, MHD_Connection*, void** context, MHD_RequestTerminationCode) {
    auto* holder = static_cast<ExchangeHolder*>(*context);
    if (holder == nullptr) return;
    if ((*holder)->dispatched) {
      auto& self = *static_cast<State*>(state);
      {
        const std::lock_guard lock(self.mutex);
        --self.in_flight;
      }
      self.settled.notify_all();
    }
    delete holder;
    *context = nullptr;
  }

  static void on_library_message(void* state, const char* format, va_list arguments) {
    char text[512];
    // The format is libmicrohttpd's own (MHD_OPTION_EXTERNAL_LOGGER), never text from a peer.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    std::vsnprintf(text, sizeof(text), format, arguments);
#pragma GCC diagnostic pop
    std::string line = support::redact_credentials(text);
    while (!line.empty() && (line.back() == '\n' || line.back() == ' ' || line.back() == '.'))
      line.pop_back();
    spdlog::debug("http: {}", line);
    auto& self = *static_cast<State*>(state);
    const std::lock_guard lock(self.mutex);
    self.last_library_message = std::move(line);
  }

  static MHD_Result on_request(void* state, MHD_Connection* connection, const char* /*url*/,
                               const char* method, const char* version, const char* upload_data,
                               std::size_t* upload_data_size, void** context) {
    auto& self = *static_cast<State*>(state);
    if (*context == nullptr) *context = on_uri(state, "/", connection);  // MHD always calls on_uri first
    const ExchangeHolder& exchange = *static_cast<ExchangeHolder*>(*context);
    if (!exchange->head_seen) return self.begin(*exchange, method, version);
    if (*upload_data_size > 0) {
      self.receive_body(*exchange, upload_data, *upload_data_size);
      *upload_data_size = 0;
      return MHD_YES;
    }
    if (exchange->too_large) return self.reject_body(*exchange);
    if (!exchange->dispatched) return self.dispatch(exchange);
    HttpResponse response;
    {
      const std::lock_guard lock(self.mutex);
      response = std::move(exchange->response);
    }
    return self.send(*exchange, std::move(response));
  }

  // The head is complete: fill the request in; refuse a declared body that is too large at once.
  MHD_Result begin(Exchange& exchange, const char* method, const char* version) {
    exchange.head_seen = true;
    HttpRequest& request = exchange.request;
    request.method = method;
    request.version = version;
    if (request.method == "HEAD") {
      request.method = "GET";
      request.head = true;
    }
    MHD_get_connection_values(exchange.connection, MHD_HEADER_KIND, collect_header, &request.headers);
    const auto* info = MHD_get_connection_info(exchange.connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (info != nullptr && info->client_addr != nullptr)
      request.peer = numeric_address(info->client_addr).to_string();
    const auto length = request.headers.get("Content-Length");
    if (length && length->size() < 20 && std::stoull("0" + *length) > options.max_body_bytes) {
      return reject_body(exchange);
    }
    return MHD_YES;
  }

  void receive_body(Exchange& exchange, const char* data, std::size_t size) const {
    if (exchange.too_large) return;
    if (exchange.request.body.size() + size > options.max_body_bytes) {
      exchange.too_large = true;
      exchange.request.body.clear();
      return;
    }
    exchange.request.body.append(data, size);
  }

  MHD_Result reject_body(Exchange& exchange) {
    auto response =
        make_response(413, "request body larger than " + std::to_string(options.max_body_bytes) + " bytes\n");
    response.headers.set("Connection", "close");
    return send(exchange, std::move(response));
  }

  // Suspends the connection and hands the request to a worker; MHD's thread moves on at once.
  MHD_Result dispatch(const ExchangeHolder& exchange) {
    {
      const std::lock_guard lock(mutex);
      if (!refusing) {
        exchange->dispatched = true;
        ++in_flight;
        pending.push_back(exchange);
        MHD_suspend_connection(exchange->connection);
      }
    }
    if (!exchange->dispatched) return send(*exchange, make_response(503, "shutting down\n"));
    workers->submit([this, exchange] {
      {
        const std::lock_guard lock(mutex);
        if (exchange->answered) return;  // answered 503 by a drain that timed out
      }
      answer(exchange, call_handler(handler, exchange->request));
    });
    return MHD_YES;
  }

  // Makes `response` the final answer unless one already is, and resumes the connection.
  void answer(const ExchangeHolder& exchange, HttpResponse response) {
    {
      const std::lock_guard lock(mutex);
      if (exchange->answered) return;
      exchange->answered = true;
      exchange->response = std::move(response);
      std::erase(pending, exchange);
    }
    MHD_resume_connection(exchange->connection);
  }

  MHD_Result send(const Exchange& exchange, HttpResponse response) {
    if (options.gzip) negotiate_gzip(exchange.request, response);
    MHD_Response* reply =
        MHD_create_response_from_buffer(response.body.size(), response.body.data(), MHD_RESPMEM_MUST_COPY);
    if (reply == nullptr) return MHD_NO;
    for (const auto& [name, value] : response.headers.fields()) {
      if (is_framing_header(name)) continue;
      MHD_add_response_header(reply, without_line_breaks(name).c_str(), without_line_breaks(value).c_str());
    }
    bool close = header_name_equals(response.headers.get("Connection").value_or(""), "close");
    {
      const std::lock_guard lock(mutex);
      close = close || stopping;
    }
    if (close) MHD_add_response_header(reply, MHD_HTTP_HEADER_CONNECTION, "close");
    const MHD_Result queued =
        MHD_queue_response(exchange.connection, static_cast<unsigned>(response.status), reply);
    MHD_destroy_response(reply);
    return queued;
  }

  // Waits for the requests in flight; when the drain times out, answers the rest 503 and refuses
  // new ones, because MHD must not be stopped with a connection still suspended.
  void drain() {
    std::unique_lock lock(mutex);
    stopping = true;
    if (settled.wait_for(lock, options.drain_timeout, [this] { return in_flight == 0; })) return;
    refusing = true;
    std::vector<ExchangeHolder> abandoned;
    abandoned.swap(pending);
    for (const auto& exchange : abandoned) {
      exchange->answered = true;
      exchange->response = make_response(503, "shutting down\n");
    }
    lock.unlock();
    spdlog::warn("http: {} request(s) still running after {} ms; answered 503", abandoned.size(),
                 options.drain_timeout.count());
    for (const auto& exchange : abandoned) MHD_resume_connection(exchange->connection);
    lock.lock();
    settled.wait_for(lock, kAbandonGrace, [this] { return in_flight == 0; });
  }

  void start_daemon() {
    unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG;
    std::vector<MHD_OptionItem> tls_items;
    if (options.tls) {
      flags |= MHD_USE_TLS;
      tls_items.push_back({MHD_OPTION_HTTPS_MEM_KEY, 0, options.tls->key_pem.data()});
      tls_items.push_back({MHD_OPTION_HTTPS_MEM_CERT, 0, options.tls->cert_pem.data()});
    }
    tls_items.push_back({MHD_OPTION_END, 0, nullptr});
    const auto timeout = static_cast<unsigned>(std::max<long long>(1, options.connection_timeout.count()));
    daemon = MHD_start_daemon(flags, 0, nullptr, nullptr, &State::on_request, this,                //
                              MHD_OPTION_LISTEN_SOCKET, listen_socket,                             //
                              MHD_OPTION_CONNECTION_TIMEOUT, timeout,                              //
                              MHD_OPTION_CONNECTION_LIMIT, options.max_connections,                //
                              MHD_OPTION_PER_IP_CONNECTION_LIMIT, options.max_connections_per_ip,  //
                              MHD_OPTION_CONNECTION_MEMORY_LIMIT,
                              options.max_head_bytes + kResponseHeadReserve,                 //
                              MHD_OPTION_URI_LOG_CALLBACK, &State::on_uri, this,             //
                              MHD_OPTION_NOTIFY_COMPLETED, &State::on_completed, this,       //
                              MHD_OPTION_EXTERNAL_LOGGER, &State::on_library_message, this,  //
                              MHD_OPTION_ARRAY, tls_items.data(),                            //
                              MHD_OPTION_END);
  }
};

// The ServerEngine the module hands out: the State above behind the engine interface.
class MhdEngine final : public ServerEngine {
 public:
  MhdEngine(ServerOptions options, Handler handler);
  ~MhdEngine() override;
  MhdEngine(const MhdEngine&) = delete;
  MhdEngine& operator=(const MhdEngine&) = delete;
  std::uint16_t start() override;
  void stop() override;
  std::uint16_t port() const override;
  std::string address() const override;
  std::string scheme() const override;

 private:
  std::unique_ptr<State> state_;
};

MhdEngine::MhdEngine(ServerOptions options, Handler handler) : state_(std::make_unique<State>()) {
  state_->options = std::move(options);
  state_->handler = std::move(handler);
}

MhdEngine::~MhdEngine() {
  stop();
}

std::uint16_t MhdEngine::start() {
  State& state = *state_;
  const std::lock_guard lifecycle(state.lifecycle_mutex);
  if (state.started) throw support::Error("HTTP server on " + address() + " is already started");
  if (state.options.tls && MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
    throw support::Error("cannot serve https: this libmicrohttpd was built without TLS");
  }
  raise_descriptor_limit(state.options.max_connections);
  state.listen_socket = open_listen_socket(state.options.listen);
  state.bound = bound_address(state.listen_socket);
  state.workers = std::make_unique<WorkerPool>(state.options.threads);
  state.start_daemon();
  if (state.daemon == nullptr) {
    // The socket is left open: MHD may have closed it already on its failure path.
    state.workers->stop();
    const std::lock_guard lock(state.mutex);
    const std::string why = state.last_library_message.empty()
                                ? "libmicrohttpd refused to start"
                                : "libmicrohttpd: " + state.last_library_message;
    throw support::Error("cannot serve " + scheme() + " on " + state.options.listen.to_string() + ": " + why +
                         (state.options.tls ? " (is the certificate or key not PEM, or not a pair?)" : ""));
  }
  state.started = true;
  return state.bound.port;
}

void MhdEngine::stop() {
  State& state = *state_;
  const std::lock_guard lifecycle(state.lifecycle_mutex);
  if (!state.started || state.stopped) return;
  state.stopped = true;
  // Stop accepting first: the kernel then refuses new clients rather than queueing them.
  const MHD_socket quiesced = MHD_quiesce_daemon(state.daemon);
  if (quiesced != MHD_INVALID_SOCKET) ::shutdown(quiesced, SHUT_RDWR);
  state.drain();
  MHD_stop_daemon(state.daemon);
  if (quiesced != MHD_INVALID_SOCKET) ::close(quiesced);
  state.workers->stop();
}

std::uint16_t MhdEngine::port() const {
  return state_->bound.port;
}

std::string MhdEngine::address() const {
  ListenAddress shown = state_->bound;
  if (!state_->options.listen.host.empty()) shown.host = state_->options.listen.host;
  return shown.to_string();
}

std::string MhdEngine::scheme() const {
  return state_->options.tls ? "https" : "http";
}

}  // namespace

}  // namespace pebble::http_server

// The module's entry point (http_server/httpd_module.h).
extern "C" const pebble::http_server::HttpdModule* pebble_httpd_module() {
  static const pebble::http_server::HttpdModule module{
      [](pebble::http_server::ServerOptions options,
         pebble::http_server::Handler handler) -> std::unique_ptr<pebble::http_server::ServerEngine> {
        return std::make_unique<pebble::http_server::MhdEngine>(std::move(options), std::move(handler));
      }};
  return &module;
}
