// The server under concurrency, silence, slow clients and shutdown.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <sys/socket.h>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "http_server/http_server.h"
#include "raw_http_client.h"
#include "support/error.h"

using pebble::http_server::HttpRequest;
using pebble::http_server::HttpResponse;
using pebble::http_server::HttpServer;
using pebble::http_server::make_response;
using pebble::http_server::ServerOptions;
using pebble::test::raw_get;
using pebble::test::RawConnection;
using namespace std::chrono_literals;

namespace {

ServerOptions loopback_options(int threads) {
  ServerOptions options;
  options.listen = {"127.0.0.1", 0};
  options.threads = threads;
  return options;
}

// Options whose connection timeout (60 s) far outlasts RawConnection's 5 s read timeout: were a
// thread stuck on a silent or half-sent client, it would stay stuck for the whole test, so requests
// would come back with status 0 instead of merely late. The tests then assert outcomes, not times.
ServerOptions patient_options(int threads) {
  ServerOptions options = loopback_options(threads);
  options.connection_timeout = 60s;
  return options;
}

}  // namespace

TEST_CASE("8 concurrent clients x 50 requests are all answered correctly", "[http]") {
  std::atomic<int> handled{0};
  HttpServer server(loopback_options(4), [&](const HttpRequest& request) {
    ++handled;
    return make_response(200, "echo " + request.query);
  });
  const auto port = server.start();
  std::atomic<int> correct{0};
  const auto run_client = [&](int client) {
    // Half the clients reuse one connection like Prometheus does, half connect per request.
    RawConnection kept(port);
    for (int request = 0; request < 50; ++request) {
      const std::string query = std::to_string(client) + "-" + std::to_string(request);
      pebble::test::RawResponse response;
      if (client % 2 == 0) {
        if (!kept.send("GET /?" + query + " HTTP/1.1\r\nHost: t\r\n\r\n")) return;
        response = kept.read_response();
      } else {
        RawConnection fresh(port);
        if (!fresh.send("GET /?" + query + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")) return;
        response = fresh.read_response();
      }
      if (response.status == 200 && response.body == "echo " + query) ++correct;
    }
  };
  std::vector<std::thread> clients;
  for (int client = 0; client < 8; ++client) {
    clients.emplace_back([&, client] {
      try {
        run_client(client);
      } catch (const std::exception&) {
        // a failed connection shows up as missing answers below
      }
    });
  }
  for (auto& client : clients) client.join();
  CHECK(correct == 400);
  CHECK(handled == 400);
}

TEST_CASE("clients that connect and send nothing do not block others", "[http]") {
  // One worker only: silent connections wait in the event loop, never in a worker.
  HttpServer server(patient_options(1), [](const HttpRequest&) { return make_response(200, "ok"); });
  const auto port = server.start();
  std::vector<std::unique_ptr<RawConnection>> silent;
  for (int index = 0; index < 10; ++index) silent.push_back(std::make_unique<RawConnection>(port));
  for (int index = 0; index < 10; ++index) CHECK(raw_get(port, "/").status == 200);
}

TEST_CASE("a half-sent request holds at most one worker while the others keep answering", "[http]") {
  HttpServer server(patient_options(2), [](const HttpRequest&) { return make_response(200, "ok"); });
  const auto port = server.start();
  RawConnection partial(port);
  REQUIRE(partial.send("GET / HT"));
  std::this_thread::sleep_for(50ms);  // let a worker pick it up and wait for the rest
  for (int index = 0; index < 10; ++index) CHECK(raw_get(port, "/").status == 200);
}

TEST_CASE("a connection silent for connection_timeout is closed", "[http]") {
  auto options = loopback_options(1);
  options.connection_timeout = 1s;
  HttpServer server(options, [](const HttpRequest&) { return make_response(200, "ok"); });
  const auto port = server.start();
  RawConnection half_sent(port);
  REQUIRE(half_sent.send("GET / HTTP/1.1\r\n"));
  RawConnection idle(port);
  CHECK(half_sent.closed_by_server(4000ms));
  CHECK(idle.closed_by_server(4000ms));
  CHECK(raw_get(port, "/").status == 200);
}

TEST_CASE("a slow handler does not delay requests on other connections", "[http]") {
  // Handlers run on workers, not on the event loop: with one request stuck in a 2 s handler, the
  // other worker still answers at once.
  HttpServer server(patient_options(2), [](const HttpRequest& request) {
    if (request.path == "/slow") std::this_thread::sleep_for(2s);
    return make_response(200, "ok");
  });
  const auto port = server.start();
  std::thread slow([port] {
    try {
      raw_get(port, "/slow");
    } catch (const std::exception&) {
      // only the fast requests are checked
    }
  });
  std::this_thread::sleep_for(100ms);
  const auto started = std::chrono::steady_clock::now();
  for (int index = 0; index < 5; ++index) CHECK(raw_get(port, "/fast").status == 200);
  CHECK(std::chrono::steady_clock::now() - started < 1500ms);
  slow.join();
}

TEST_CASE("stop() lets an in-flight request complete, then refuses connections", "[http]") {
  std::mutex mutex;
  std::condition_variable entered_signal;
  bool entered = false;
  std::atomic<bool> handler_done{false};
  HttpServer server(loopback_options(2), [&](const HttpRequest&) {
    {
      const std::lock_guard lock(mutex);
      entered = true;
    }
    entered_signal.notify_all();
    std::this_thread::sleep_for(500ms);  // a slow handler, still running when stop() is called
    handler_done = true;
    return make_response(200, "finished");
  });
  const auto port = server.start();
  pebble::test::RawResponse response;
  std::thread client([&] {
    try {
      response = raw_get(port, "/slow");
    } catch (const std::exception&) {
      // response stays empty and the checks below fail
    }
  });
  {
    std::unique_lock lock(mutex);
    REQUIRE(entered_signal.wait_for(lock, 5s, [&] { return entered; }));
  }
  server.stop();
  CHECK(handler_done);  // stop() waited for the request in flight
  client.join();
  CHECK(response.status == 200);
  CHECK(response.body == "finished");
  server.stop();  // a second stop is harmless
  CHECK_THROWS(RawConnection(port, "127.0.0.1", 500ms));
}

TEST_CASE("stop() closes idle keep-alive connections and returns promptly", "[http]") {
  // Timeouts of an hour: a stop() that waited for either instead of closing the idle and the silent
  // connection would hang this test until ctest's timeout, so no clock is needed to see it.
  ServerOptions options = loopback_options(2);
  options.connection_timeout = std::chrono::hours(1);
  HttpServer server(options, [](const HttpRequest&) { return make_response(200, "ok"); });
  const auto port = server.start();
  RawConnection kept(port);
  REQUIRE(kept.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n"));
  REQUIRE(kept.read_response().status == 200);
  RawConnection silent(port);
  server.stop();
  CHECK(kept.closed_by_server(5000ms));
  CHECK(silent.closed_by_server(5000ms));
}

TEST_CASE("a busy port is a one-line error naming the address", "[http]") {
  HttpServer first(loopback_options(1), [](const HttpRequest&) { return make_response(200, "ok"); });
  const auto port = first.start();
  auto options = loopback_options(1);
  options.listen.port = port;
  HttpServer second(options, [](const HttpRequest&) { return make_response(200, "ok"); });
  CHECK_THROWS_WITH(second.start(),
                    "cannot listen on 127.0.0.1:" + std::to_string(port) + ": Address already in use");
  auto unresolvable = loopback_options(1);
  unresolvable.listen.host = "no-such-host.invalid";
  HttpServer third(unresolvable, [](const HttpRequest&) { return make_response(200, "ok"); });
  CHECK_THROWS_WITH(third.start(),
                    Catch::StartsWith("cannot listen on no-such-host.invalid:0: cannot resolve host"));
}

TEST_CASE("the server listens on [::1] when IPv6 loopback exists", "[http]") {
  const int probe = ::socket(AF_INET6, SOCK_STREAM, 0);
  if (probe < 0) {
    WARN("no IPv6 on this machine; nothing to check");
    return;
  }
  ::close(probe);
  auto options = loopback_options(1);
  options.listen = pebble::http_server::parse_listen_address("[::1]:0");
  HttpServer server(options, [](const HttpRequest& request) { return make_response(200, request.peer); });
  std::uint16_t port = 0;
  try {
    port = server.start();
  } catch (const pebble::support::Error& failure) {
    WARN("IPv6 loopback unavailable: " << failure.what());
    return;
  }
  CHECK(server.address() == "[::1]:" + std::to_string(port));
  RawConnection connection(port, "::1");
  REQUIRE(connection.send("GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"));
  const auto response = connection.read_response();
  CHECK(response.status == 200);
  CHECK(response.body.rfind("[::1]:", 0) == 0);
}

TEST_CASE("a request still running when the drain times out is answered 503", "[http]") {
  auto options = loopback_options(1);
  options.drain_timeout = 300ms;
  std::atomic<bool> handler_done{false};
  HttpServer server(options, [&](const HttpRequest&) {
    std::this_thread::sleep_for(2s);
    handler_done = true;
    return make_response(200, "too late");
  });
  const auto port = server.start();
  pebble::test::RawResponse response;
  std::atomic<bool> answered_early{false};
  std::thread client([&] {
    try {
      response = raw_get(port, "/slow");
      answered_early = !handler_done.load();
    } catch (const std::exception&) {
      // response stays empty and the checks below fail
    }
  });
  std::this_thread::sleep_for(200ms);  // the request is in the handler
  server.stop();
  client.join();
  CHECK(response.status == 503);
  CHECK(answered_early);  // the 503 did not wait for the handler
  CHECK(handler_done);    // stop() still joined the worker
}
