// The push client against the real Pushgateway the test services script starts.
#include <chrono>
#include <cstdlib>
#include <thread>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include "http/push_client.h"
#include "support/test_env.h"

using pebble::http::push_metrics;
using pebble::http::PushRequest;

namespace {

std::string pushgateway_url_or_skip() {
  const char* url = std::getenv("PEBBLE_TEST_PUSHGATEWAY_URL");
  if (url == nullptr || *url == '\0') {
    pebble::test::skip_test("PEBBLE_TEST_PUSHGATEWAY_URL is not set (run through `make test`)");
  }
  return url;
}

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* body) {
  static_cast<std::string*>(body)->append(data, size * count);
  return size * count;
}

// A plain request with libcurl, to read back or delete what the client pushed.
std::string fetch(const std::string& method, const std::string& url) {
  std::string body;
  CURL* curl = curl_easy_init();
  REQUIRE(curl != nullptr);
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 5000L);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &append_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  const CURLcode code = curl_easy_perform(curl);
  curl_easy_cleanup(curl);
  REQUIRE(code == CURLE_OK);
  return body;
}

// The value of `family` in the group job=pebble,command=<command>, or "" when absent.
std::string pushed_value(const std::string& base, const std::string& command, const std::string& family) {
  const auto document = nlohmann::json::parse(fetch("GET", base + "/api/v1/metrics"));
  for (const auto& group : document.at("data")) {
    const auto& labels = group.at("labels");
    if (labels.value("job", "") != "pebble" || labels.value("command", "") != command) continue;
    if (!group.contains(family)) return "";
    return group.at(family).at("metrics").at(0).at("value").get<std::string>();
  }
  return "";
}

}  // namespace

TEST_CASE("pushes reach a real Pushgateway, '/' in the command included", "[http]") {
  const std::string base = pushgateway_url_or_skip();
  const std::string suffix = std::to_string(::getpid());
  for (const std::string& command : {"http-test-" + suffix, "http/test/" + suffix}) {
    INFO(command);
    PushRequest request;
    request.base_url = base;
    request.grouping = {{"job", "pebble"}, {"command", command}};
    request.body =
        "# HELP pebble_http_test_value A value pushed by the test.\n"
        "# TYPE pebble_http_test_value gauge\npebble_http_test_value 42\n";
    const auto result = push_metrics(request);
    INFO(result.error);
    REQUIRE(result.ok);
    CHECK(result.attempts == 1);
    CHECK(pushed_value(base, command, "pebble_http_test_value") == "42");

    request.body = "# TYPE pebble_http_test_value gauge\npebble_http_test_value 7\n";
    REQUIRE(push_metrics(request).ok);  // PUT replaces the group
    CHECK(pushed_value(base, command, "pebble_http_test_value") == "7");
    // DELETE is applied asynchronously (202 Accepted): wait for the group to go.
    fetch("DELETE", base + pebble::http::grouping_path(request.grouping));
    bool deleted = false;
    for (int tries = 0; tries < 50 && !deleted; ++tries) {
      deleted = pushed_value(base, command, "pebble_http_test_value").empty();
      if (!deleted) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK(deleted);
  }
}

TEST_CASE("a body the real Pushgateway rejects is a failure carrying its reason", "[http]") {
  const std::string base = pushgateway_url_or_skip();
  PushRequest request;
  request.base_url = base;
  request.grouping = {{"job", "pebble"}, {"command", "http-test-bad-" + std::to_string(::getpid())}};
  request.body = "this is not ( the text format\n";
  const auto result = push_metrics(request);
  CHECK_FALSE(result.ok);
  CHECK(result.http_status == 400);
  CHECK(result.attempts == 1);
  CHECK_FALSE(result.error.empty());
}
