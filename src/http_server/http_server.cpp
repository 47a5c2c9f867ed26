#include "http_server/http_server.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <fcntl.h>
#include <mutex>
#include <poll.h>
#include <set>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include "http_server/listen_socket.h"
#include "http_server/server_connection.h"
#include "http_server/socket_io.h"
#include "support/error.h"

namespace pebble::http_server {

namespace {

// After accept fails for lack of descriptors, the poller stops accepting this long instead of spinning.
constexpr auto kAcceptPause = std::chrono::milliseconds(100);

// A connection the poller watches until its next request arrives or its deadline passes.
struct IdleConnection {
  std::unique_ptr<Connection> connection;
  SteadyClock::time_point deadline;
};

}  // namespace

struct HttpServer::State {
  ServerOptions options;
  Handler handler;
  int listen_socket = -1;
  int wake_read = -1;  // the poller's wake-up pipe: a byte here makes poll() return
  int wake_write = -1;
  std::uint16_t port = 0;
  bool started = false;
  bool stopped = false;
  std::atomic<bool> stopping{false};
  std::atomic<std::size_t> open_connections{0};
  std::thread poller;
  std::vector<std::thread> workers;
  std::mutex lifecycle_mutex;  // start() and stop() may come from different threads (a signal watcher)

  std::mutex mutex;  // guards everything below
  std::condition_variable work_ready;
  std::condition_variable work_done;
  std::deque<std::unique_ptr<Connection>> queue;      // connections with a request waiting
  std::vector<std::unique_ptr<Connection>> returned;  // kept-alive, going back to the poller
  std::set<int> active_sockets;                       // sockets a worker is serving now
  int busy_workers = 0;
  bool poller_running = false;
  bool workers_exit = false;
  bool abort_queued = false;  // the drain timed out: close queued connections unserved

  void wake_poller() const {
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(wake_write, &byte, 1);  // a full pipe already wakes it
  }

  void close_connection(Connection& connection) {
    if (connection.linger) {
      close_gracefully(connection.socket);
    } else {
      ::close(connection.socket);
    }
    --open_connections;
  }

  void enqueue(std::unique_ptr<Connection> connection) {
    {
      const std::lock_guard lock(mutex);
      queue.push_back(std::move(connection));
    }
    work_ready.notify_one();
  }

  void accept_connections(std::vector<IdleConnection>& idle, SteadyClock::time_point& accept_paused_until) {
    while (true) {
      sockaddr_storage peer{};
      socklen_t peer_length = sizeof(peer);
      const int socket = ::accept4(listen_socket, reinterpret_cast<sockaddr*>(&peer), &peer_length,
                                   SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (socket < 0) {
        if (errno == EINTR || errno == ECONNABORTED) continue;
        if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
          accept_paused_until = SteadyClock::now() + kAcceptPause;
        }
        return;
      }
      if (open_connections.load() >= options.max_connections) {
        ::close(socket);
        continue;
      }
      ++open_connections;
      auto connection = std::make_unique<Connection>();
      connection->socket = socket;
      connection->peer = describe_peer(&peer);
      idle.push_back({std::move(connection), SteadyClock::now() + options.request_timeout});
    }
  }

  void run_poller() {
    std::vector<IdleConnection> idle;
    SteadyClock::time_point accept_paused_until{};
    while (!stopping.load()) {
      const auto now = SteadyClock::now();
      const bool listening = now >= accept_paused_until;
      std::vector<pollfd> watched{{wake_read, POLLIN, 0}};
      if (listening) watched.push_back({listen_socket, POLLIN, 0});
      const std::size_t first_idle = watched.size();
      auto next_deadline = listening ? now + std::chrono::seconds(60) : accept_paused_until;
      for (const auto& entry : idle) {
        watched.push_back({entry.connection->socket, POLLIN, 0});
        next_deadline = std::min(next_deadline, entry.deadline);
      }
      const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next_deadline - now).count();
      if (::poll(watched.data(), watched.size(), static_cast<int>(std::max<long long>(wait, 0) + 1)) < 0 &&
          errno != EINTR) {
        continue;
      }
      if (watched[0].revents != 0) {
        char drained[64];
        while (::read(wake_read, drained, sizeof(drained)) > 0) {
        }
      }
      if (stopping.load()) break;
      const auto after = SteadyClock::now();
      std::vector<IdleConnection> still_idle;
      for (std::size_t index = 0; index < idle.size(); ++index) {
        if (watched[first_idle + index].revents != 0) {
          enqueue(std::move(idle[index].connection));
        } else if (idle[index].deadline <= after) {
          close_connection(*idle[index].connection);
        } else {
          still_idle.push_back(std::move(idle[index]));
        }
      }
      idle = std::move(still_idle);
      if (listening && watched[1].revents != 0) accept_connections(idle, accept_paused_until);
      std::vector<std::unique_ptr<Connection>> handed_back;
      {
        const std::lock_guard lock(mutex);
        handed_back.swap(returned);
      }
      for (auto& connection : handed_back) {
        if (!connection->buffered.empty()) {
          enqueue(std::move(connection));
        } else {
          idle.push_back({std::move(connection), after + options.keep_alive_timeout});
        }
      }
    }
    const std::lock_guard lock(mutex);
    poller_running = false;
    for (auto& entry : idle) close_connection(*entry.connection);
    for (auto& connection : returned) close_connection(*connection);
    returned.clear();
  }

  void run_worker() {
    while (true) {
      std::unique_ptr<Connection> connection;
      {
        std::unique_lock lock(mutex);
        work_ready.wait(lock, [&] { return !queue.empty() || workers_exit; });
        if (queue.empty()) return;
        connection = std::move(queue.front());
        queue.pop_front();
        if (abort_queued) {
          close_connection(*connection);
          work_done.notify_all();
          continue;
        }
        ++busy_workers;
        active_sockets.insert(connection->socket);
      }
      AfterRequest after = AfterRequest::kKeepOpen;
      do {
        after = serve_one_request(*connection, options, handler, stopping.load());
      } while (after == AfterRequest::kKeepOpen && !connection->buffered.empty() && !stopping.load());
      bool handed_back = false;
      {
        const std::lock_guard lock(mutex);
        active_sockets.erase(connection->socket);
        --busy_workers;
        if (after == AfterRequest::kKeepOpen && !stopping.load() && poller_running) {
          returned.push_back(std::move(connection));
          handed_back = true;
        }
      }
      work_done.notify_all();
      if (handed_back) {
        wake_poller();
      } else {
        // Moved from only when handed_back is true.
        close_connection(*connection);  // NOLINT(bugprone-use-after-move)
      }
    }
  }
};

HttpServer::HttpServer(ServerOptions options, Handler handler) : state_(std::make_unique<State>()) {
  state_->options = std::move(options);
  state_->handler = std::move(handler);
}

HttpServer::~HttpServer() {
  stop();
}

std::uint16_t HttpServer::start() {
  State& state = *state_;
  const std::lock_guard lifecycle(state.lifecycle_mutex);
  if (state.started) throw support::Error("HTTP server on " + address() + " is already started");
  state.listen_socket = open_listen_socket(state.options.listen);
  int pipe_ends[2];
  if (::pipe2(pipe_ends, O_NONBLOCK | O_CLOEXEC) != 0) {
    ::close(state.listen_socket);
    throw support::Error("cannot start HTTP server: cannot create a pipe: " + error_text(errno));
  }
  state.wake_read = pipe_ends[0];
  state.wake_write = pipe_ends[1];
  state.port = bound_port(state.listen_socket);
  state.started = true;
  state.poller_running = true;
  const int threads = std::max(1, state.options.threads);
  for (int index = 0; index < threads; ++index) state.workers.emplace_back([&state] { state.run_worker(); });
  state.poller = std::thread([&state] { state.run_poller(); });
  return state.port;
}

void HttpServer::stop() {
  State& state = *state_;
  const std::lock_guard lifecycle(state.lifecycle_mutex);
  if (!state.started || state.stopped) return;
  state.stopped = true;
  state.stopping = true;
  state.wake_poller();
  state.poller.join();
  ::close(state.listen_socket);
  {
    std::unique_lock lock(state.mutex);
    state.workers_exit = true;
    state.work_ready.notify_all();
    const bool drained = state.work_done.wait_for(
        lock, state.options.drain_timeout, [&] { return state.busy_workers == 0 && state.queue.empty(); });
    if (!drained) {
      state.abort_queued = true;
      for (const int socket : state.active_sockets) ::shutdown(socket, SHUT_RDWR);
    }
  }
  for (auto& worker : state.workers) worker.join();
  ::close(state.wake_read);
  ::close(state.wake_write);
}

std::uint16_t HttpServer::port() const {
  return state_->port;
}

std::string HttpServer::address() const {
  ListenAddress bound = state_->options.listen;
  bound.port = state_->port;
  return bound.to_string();
}

}  // namespace pebble::http_server
