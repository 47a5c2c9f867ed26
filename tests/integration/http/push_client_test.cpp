// The push client against fake Pushgateways built from HttpServer on loopback.
#include "http/push_client.h"

#include <chrono>
#include <mutex>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

#include <catch2/catch.hpp>

#include "http_server/http_server.h"

using pebble::http::push_metrics;
using pebble::http::PushRequest;
using pebble::http_server::HttpRequest;
using pebble::http_server::HttpResponse;
using pebble::http_server::HttpServer;
using pebble::http_server::make_response;
using pebble::http_server::ServerOptions;
using namespace std::chrono_literals;

namespace {

// A fake Pushgateway that records every request and answers with a fixed response.
class FakePushgateway {
 public:
  explicit FakePushgateway(HttpResponse answer)
      : answer_(std::move(answer)), server_(options(), [this](const HttpRequest& request) {
          const std::lock_guard lock(mutex_);
          requests_.push_back(request);
          return answer_;
        }) {
    port_ = server_.start();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::vector<HttpRequest> requests() {
    const std::lock_guard lock(mutex_);
    return requests_;
  }

 private:
  static ServerOptions options() {
    ServerOptions options;
    options.listen = {"127.0.0.1", 0};
    options.threads = 2;
    return options;
  }
  HttpResponse answer_;
  std::mutex mutex_;
  std::vector<HttpRequest> requests_;
  HttpServer server_;
  std::uint16_t port_ = 0;
};

PushRequest push_to(const std::string& base_url, const std::string& command) {
  PushRequest request;
  request.base_url = base_url;
  request.grouping = {{"job", "pebble"}, {"command", command}};
  request.body = "# TYPE pebble_test_total counter\npebble_test_total 3\n";
  request.timeout = 1000ms;
  return request;
}

// A socket listening on a loopback port that never accepts: connections succeed, nothing answers.
struct SilentListener {
  int socket = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  std::uint16_t port = 0;
  SilentListener() {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(socket, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0);
    REQUIRE(::listen(socket, 8) == 0);
    socklen_t length = sizeof(address);
    ::getsockname(socket, reinterpret_cast<sockaddr*>(&address), &length);
    port = ntohs(address.sin_port);
  }
  ~SilentListener() { ::close(socket); }
};

}  // namespace

TEST_CASE("a push is one PUT of the text format to the grouping path", "[http]") {
  FakePushgateway gateway(make_response(200, ""));
  auto request = push_to(gateway.url() + "/", "poll-feeds");
  const auto result = push_metrics(request);
  CHECK(result.ok);
  CHECK(result.attempts == 1);
  CHECK(result.http_status == 200);
  CHECK(result.error.empty());
  const auto requests = gateway.requests();
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].method == "PUT");
  CHECK(requests[0].path == "/metrics/job/pebble/command/poll-feeds");
  CHECK(requests[0].headers.get("Content-Type") == "text/plain; version=0.0.4");
  CHECK(requests[0].body == request.body);
  CHECK_FALSE(requests[0].headers.has("Expect"));
}

TEST_CASE("a base URL path prefix is kept and '/' in a value goes through @base64", "[http]") {
  FakePushgateway gateway(make_response(202, ""));
  const auto result = push_metrics(push_to(gateway.url() + "/gateway", "nightly/import"));
  CHECK(result.ok);
  REQUIRE(gateway.requests().size() == 1);
  CHECK(gateway.requests()[0].path == "/gateway/metrics/job/pebble/command@base64/bmlnaHRseS9pbXBvcnQ=");
}

TEST_CASE("a 500 answer fails after exactly two attempts", "[http]") {
  FakePushgateway gateway(make_response(500, "storage full\nsecond line"));
  const auto result = push_metrics(push_to(gateway.url(), "import"));
  CHECK_FALSE(result.ok);
  CHECK(result.attempts == 2);
  CHECK(result.http_status == 500);
  CHECK(gateway.requests().size() == 2);
  CHECK(result.error.find("HTTP 500: storage full") != std::string::npos);
  CHECK(result.error.find("second line") == std::string::npos);
  CHECK(result.error.find('\n') == std::string::npos);
}

TEST_CASE("a redirect is a failure and is not followed", "[http]") {
  auto redirect = make_response(302, "");
  redirect.headers.set("Location", "/elsewhere");
  FakePushgateway gateway(redirect);
  const auto result = push_metrics(push_to(gateway.url(), "export"));
  CHECK_FALSE(result.ok);
  CHECK(result.http_status == 302);
  CHECK(result.attempts == 1);  // a retry cannot turn a redirect into a success
  REQUIRE(gateway.requests().size() == 1);
  CHECK(gateway.requests()[0].path == "/metrics/job/pebble/command/export");
  CHECK(result.error.find("redirect") != std::string::npos);
}

TEST_CASE("a Pushgateway that never answers fails within two timeouts", "[http]") {
  SilentListener listener;
  auto request = push_to("http://127.0.0.1:" + std::to_string(listener.port), "import");
  request.timeout = 500ms;
  const auto result = push_metrics(request);
  CHECK_FALSE(result.ok);
  CHECK(result.attempts == 2);
  CHECK(result.http_status == 0);
  INFO(result.error);
  CHECK(result.error.find("timed out") != std::string::npos);  // the timeout ended it, not an error
}

TEST_CASE("a closed port fails quickly", "[http]") {
  std::uint16_t port = 0;
  {
    SilentListener listener;
    port = listener.port;
  }
  // A timeout far beyond the test's run: a push that waited for it instead of failing on the refused
  // connection would show up as a "timed out" error and a run of a minute.
  auto request = push_to("http://127.0.0.1:" + std::to_string(port), "import");
  request.timeout = 60s;
  const auto result = push_metrics(request);
  CHECK_FALSE(result.ok);
  CHECK(result.attempts == 2);
  INFO(result.error);
  CHECK(result.error.find("connect") != std::string::npos);
  CHECK(result.error.find("timed out") == std::string::npos);  // refused at once, never waited
}

TEST_CASE("credentials in the URL are sent but never appear in the error text", "[http]") {
  FakePushgateway gateway(make_response(500, "denied for pushuser:hunter2"));
  const auto base = "http://pushuser:hunter2@127.0.0.1:" + gateway.url().substr(gateway.url().rfind(':') + 1);
  const auto result = push_metrics(push_to(base, "import"));
  CHECK_FALSE(result.ok);
  REQUIRE_FALSE(gateway.requests().empty());
  CHECK(gateway.requests()[0].headers.get("Authorization") == "Basic cHVzaHVzZXI6aHVudGVyMg==");
  INFO(result.error);
  CHECK(result.error.find("hunter2") == std::string::npos);
  CHECK(result.error.find("pushuser:***@127.0.0.1") != std::string::npos);
}

TEST_CASE("an invalid grouping key or an empty URL is a failed push, not an exception", "[http]") {
  auto request = push_to("http://127.0.0.1:1", "import");
  request.grouping = {{"command", "import"}};
  const auto result = push_metrics(request);
  CHECK_FALSE(result.ok);
  CHECK(result.attempts == 0);
  CHECK(result.error.find("job") != std::string::npos);
  CHECK_FALSE(push_metrics(push_to("", "import")).ok);
}
