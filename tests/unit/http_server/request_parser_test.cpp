#include "http_server/request_parser.h"

#include <catch2/catch.hpp>

using pebble::http_server::HeadStatus;
using pebble::http_server::parse_request_head;
using pebble::http_server::RequestLimits;

namespace {

const RequestLimits kLimits{};

int error_status_of(const std::string& head) {
  const auto result = parse_request_head(head, kLimits);
  return result.status == HeadStatus::kError ? result.error_status : 0;
}

}  // namespace

TEST_CASE("a complete GET head parses into method, path, query and headers", "[http]") {
  const std::string bytes = "GET /metrics?name=x&y HTTP/1.1\r\nHost: a\r\nX-Thing:  value \r\n\r\nNEXT";
  const auto result = parse_request_head(bytes, kLimits);
  REQUIRE(result.status == HeadStatus::kComplete);
  CHECK(result.request.method == "GET");
  CHECK(result.request.target == "/metrics?name=x&y");
  CHECK(result.request.path == "/metrics");
  CHECK(result.request.query == "name=x&y");
  CHECK(result.request.headers.get("x-thing") == "value");
  CHECK(result.request.headers.get("HOST") == "a");
  CHECK(result.head_bytes == bytes.size() - 4);
  CHECK(result.keep_alive);
  CHECK(result.content_length == 0);
}

TEST_CASE("an unfinished head asks for more bytes", "[http]") {
  CHECK(parse_request_head("GET / HTTP/1.1\r\nHost: a\r\n", kLimits).status == HeadStatus::kIncomplete);
  CHECK(parse_request_head("", kLimits).status == HeadStatus::kIncomplete);
  CHECK(parse_request_head("\r\n\r\n", kLimits).status == HeadStatus::kIncomplete);
}

TEST_CASE("connection persistence follows the version and Connection header", "[http]") {
  CHECK_FALSE(
      parse_request_head("GET / HTTP/1.1\r\nHost: a\r\nConnection: Close\r\n\r\n", kLimits).keep_alive);
  CHECK_FALSE(parse_request_head("GET / HTTP/1.0\r\n\r\n", kLimits).keep_alive);
  CHECK(parse_request_head("GET / HTTP/1.0\r\nConnection: foo, Keep-Alive\r\n\r\n", kLimits).keep_alive);
  CHECK(parse_request_head("GET / HTTP/1.1\nHost: a\n\n", kLimits).status == HeadStatus::kComplete);
}

TEST_CASE("bodies are framed by Content-Length and Expect is noticed", "[http]") {
  const auto result = parse_request_head(
      "\r\nPUT /x HTTP/1.1\r\nHost: a\r\nContent-Length: 12\r\nExpect: 100-continue\r\n\r\n", kLimits);
  REQUIRE(result.status == HeadStatus::kComplete);
  CHECK(result.content_length == 12);
  CHECK(result.expect_continue);
  CHECK(error_status_of("PUT /x HTTP/1.1\r\nHost: a\r\nContent-Length: 1x\r\n\r\n") == 400);
  CHECK(error_status_of("PUT /x HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") ==
        400);
  CHECK(error_status_of("PUT /x HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999\r\n\r\n") == 413);
  CHECK(error_status_of("PUT /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n") == 501);
  CHECK(error_status_of(
            "PUT /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n") == 400);
}

TEST_CASE("malformed heads are refused with the right status", "[http]") {
  CHECK(error_status_of("GARBAGE\r\n\r\n") == 400);
  CHECK(error_status_of("GET  / HTTP/1.1\r\nHost: a\r\n\r\n") == 400);
  CHECK(error_status_of("GET / HTTP/1.1 extra\r\nHost: a\r\n\r\n") == 400);
  CHECK(error_status_of("G(T / HTTP/1.1\r\nHost: a\r\n\r\n") == 400);
  CHECK(error_status_of("GET nopath HTTP/1.1\r\nHost: a\r\n\r\n") == 400);
  CHECK(error_status_of("GET / HTTP/2.0\r\nHost: a\r\n\r\n") == 505);
  CHECK(error_status_of("GET / FTP/1.1\r\nHost: a\r\n\r\n") == 400);
  CHECK(error_status_of("GET / HTTP/1.1\r\n\r\n") == 400);  // no Host
  CHECK(error_status_of("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") == 400);
  CHECK(error_status_of("GET / HTTP/1.1\r\nHost: a\r\nBad Name: x\r\n\r\n") == 400);
  CHECK(error_status_of("GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n") == 400);
  CHECK(error_status_of("GET / HTTP/1.1\r\nHost: a\r\nX: a\r\n folded\r\n\r\n") == 400);
  CHECK(error_status_of(std::string("GET / HTTP/1.1\r\nHost: a\r\nX: a\x01") + "b\r\n\r\n") == 400);
  CHECK(error_status_of("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n") == 0);
}

TEST_CASE("oversized heads give 414 or 431 without waiting for the end", "[http]") {
  const RequestLimits small{64, 1024};
  CHECK(parse_request_head("GET /" + std::string(100, 'a'), small).error_status == 414);
  const std::string big_header = "GET / HTTP/1.1\r\nHost: a\r\nX: " + std::string(100, 'b');
  CHECK(parse_request_head(big_header, small).error_status == 431);
  CHECK(parse_request_head(big_header + "\r\n\r\n", small).error_status == 431);
  CHECK(parse_request_head(std::string(100, '\n'), small).error_status == 400);
  CHECK(parse_request_head("GET / HTTP/1.1\r\nHost: a\r\n\r\n", small).status == HeadStatus::kComplete);
}
