#include "http_server/http_server.h"

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "raw_http_client.h"
#include "support/error.h"

using pebble::http_server::HttpRequest;
using pebble::http_server::HttpResponse;
using pebble::http_server::HttpServer;
using pebble::http_server::make_response;
using pebble::http_server::ServerOptions;
using pebble::test::header_value;
using pebble::test::raw_get;
using pebble::test::RawConnection;
using namespace std::chrono_literals;

namespace {

ServerOptions loopback_options(int threads = 4) {
  ServerOptions options;
  options.listen = {"127.0.0.1", 0};
  options.threads = threads;
  return options;
}

// The test handler: /echo describes the request, /body echoes the body, /throw fails, other methods
// get 405 and other paths 404.
HttpResponse test_handler(const HttpRequest& request) {
  if (request.path == "/echo") {
    return make_response(200, request.method + " " + request.path + " ?" + request.query + " from " +
                                  request.peer.substr(0, 10) + (request.head ? " head" : ""));
  }
  if (request.path == "/body") return make_response(200, "got " + request.body);
  if (request.path == "/throw") throw std::runtime_error("handler exploded");
  if (request.path == "/throw-int") throw 42;
  if (request.method != "GET") {
    auto refused = make_response(405, "method not allowed\n");
    refused.headers.set("Allow", "GET, HEAD");
    return refused;
  }
  return make_response(404, "not found\n");
}

}  // namespace

TEST_CASE("GET, HEAD and a handler's 404 are answered", "[http]") {
  HttpServer server(loopback_options(), test_handler);
  const auto port = server.start();
  REQUIRE(port != 0);
  CHECK(server.address() == "127.0.0.1:" + std::to_string(port));

  const auto response = raw_get(port, "/echo?x=1");
  CHECK(response.status == 200);
  CHECK(response.body == "GET /echo ?x=1 from 127.0.0.1:");
  CHECK(header_value(response.head, "Content-Type") == "text/plain; charset=utf-8");
  CHECK(header_value(response.head, "Content-Length") == std::to_string(response.body.size()));

  RawConnection connection(port);
  REQUIRE(connection.send("HEAD /echo HTTP/1.1\r\nHost: t\r\n\r\n"));
  const auto head = connection.read_response(true);
  CHECK(head.status == 200);
  CHECK(head.body.empty());
  CHECK(header_value(head.head, "Content-Length") ==
        std::to_string(std::string("GET /echo ? from 127.0.0.1: head").size()));
  // No stray body bytes follow the HEAD answer: the next response on the connection parses cleanly.
  REQUIRE(connection.send("GET /missing HTTP/1.1\r\nHost: t\r\n\r\n"));
  const auto missing = connection.read_response();
  CHECK(missing.status == 404);
  CHECK(missing.body == "not found\n");
}

TEST_CASE("a throwing handler yields 500 and the server keeps serving", "[http]") {
  HttpServer server(loopback_options(1), test_handler);
  const auto port = server.start();
  CHECK(raw_get(port, "/throw").status == 500);
  CHECK(raw_get(port, "/throw-int").status == 500);
  RawConnection connection(port);
  REQUIRE(connection.send("GET /throw HTTP/1.1\r\nHost: t\r\n\r\n"));
  CHECK(connection.read_response().status == 500);
  REQUIRE(connection.send("GET /echo HTTP/1.1\r\nHost: t\r\n\r\n"));
  CHECK(connection.read_response().status == 200);
  CHECK(raw_get(port, "/echo").status == 200);
}

TEST_CASE("malformed and oversized requests get 400 / 431 and the connection closes", "[http]") {
  HttpServer server(loopback_options(), test_handler);
  const auto port = server.start();
  {
    RawConnection connection(port);
    REQUIRE(connection.send("THIS IS NOT HTTP\r\n\r\n"));
    const auto response = connection.read_response();
    CHECK(response.status == 400);
    CHECK(response.connection_closed);
    CHECK(connection.closed_by_server(2000ms));
  }
  {
    RawConnection connection(port);
    REQUIRE(
        connection.send("GET / HTTP/1.1\r\nHost: t\r\nX-Big: " + std::string(20 * 1024, 'a') + "\r\n\r\n"));
    const auto response = connection.read_response();
    CHECK(response.status == 431);
    CHECK(connection.closed_by_server(2000ms));
  }
  {
    RawConnection connection(port);
    REQUIRE(connection.send("GET /" + std::string(20 * 1024, 'a') + " HTTP/1.1\r\nHost: t\r\n\r\n"));
    CHECK(connection.read_response().status == 414);
  }
  CHECK(raw_get(port, "/echo").status == 200);
}

TEST_CASE("keep-alive, Connection: close, pipelining and request bodies", "[http]") {
  HttpServer server(loopback_options(), test_handler);
  const auto port = server.start();
  RawConnection connection(port);
  REQUIRE(
      connection.send("GET /echo HTTP/1.1\r\nHost: t\r\n\r\nPUT /body HTTP/1.1\r\nHost: t\r\n"
                      "Content-Length: 5\r\n\r\nhello"));
  auto first = connection.read_response();
  CHECK(first.status == 200);
  CHECK_FALSE(first.connection_closed);  // HTTP/1.1 keeps the connection without saying so
  auto second = connection.read_response();
  CHECK(second.body == "got hello");
  REQUIRE(
      connection.send("PUT /body HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n"));
  CHECK(connection.read_response().status == 100);
  REQUIRE(connection.send("abc"));
  CHECK(connection.read_response().body == "got abc");
  REQUIRE(connection.send("GET /echo HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"));
  const auto last = connection.read_response();
  CHECK(last.status == 200);
  CHECK(last.connection_closed);
  CHECK(connection.closed_by_server(2000ms));
}

TEST_CASE("HTTP/1.0 closes by default", "[http]") {
  HttpServer server(loopback_options(), test_handler);
  const auto port = server.start();
  RawConnection connection(port);
  REQUIRE(connection.send("GET /echo HTTP/1.0\r\n\r\n"));
  CHECK(connection.read_response().status == 200);
  CHECK(connection.closed_by_server(2000ms));
}

TEST_CASE("unknown methods reach the handler, which answers 405", "[http]") {
  HttpServer server(loopback_options(), test_handler);
  const auto port = server.start();
  RawConnection connection(port);
  REQUIRE(connection.send("BREW /echo-not HTTP/1.1\r\nHost: t\r\n\r\n"));
  const auto response = connection.read_response();
  CHECK(response.status == 405);
  CHECK(header_value(response.head, "Allow") == "GET, HEAD");
  CHECK(header_value(response.head, "Date").size() == 29);  // "Sun, 06 Nov 1994 08:49:37 GMT"
  REQUIRE(connection.send("GET /echo HTTP/1.1\r\nHost: t\r\n\r\n"));
  CHECK(connection.read_response().status == 200);
}

TEST_CASE("a body over max_body_bytes gets 413, declared or chunked", "[http]") {
  auto options = loopback_options();
  options.max_body_bytes = 16;
  HttpServer server(options, test_handler);
  const auto port = server.start();
  {
    RawConnection connection(port);
    REQUIRE(connection.send("PUT /body HTTP/1.1\r\nHost: t\r\nContent-Length: 17\r\n\r\n" +
                            std::string(17, 'x')));
    CHECK(connection.read_response().status == 413);
  }
  {
    RawConnection connection(port);
    REQUIRE(
        connection.send("PUT /body HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                        "a\r\n0123456789\r\na\r\n0123456789\r\n0\r\n\r\n"));
    CHECK(connection.read_response().status == 413);
  }
  {
    RawConnection connection(port);
    REQUIRE(
        connection.send("PUT /body HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                        "5\r\nhello\r\n0\r\n\r\n"));
    CHECK(connection.read_response().body == "got hello");  // a chunked body within the limit
  }
  CHECK(raw_get(port, "/echo").status == 200);
}
