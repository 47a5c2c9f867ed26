// PEBBLE_DENY_PRIVATE_NETWORKS on the connect path: a loopback name resolved (by curl's resolver
// stub, CURLOPT_RESOLVE) to each address form is refused before a socket exists. A real listener on
// the wildcard address proves it: it sees a connection only when the policy is off. No packet leaves
// the machine: every pinned address is refused without connecting, and the one connection made is
// to 127.0.0.1.
#include <arpa/inet.h>
#include <fcntl.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

#include <catch2/catch.hpp>

#include "http/http_client.h"

namespace {

// A TCP listener on 0.0.0.0 (every local IPv4 address) on a free port; counts what it accepts.
class Listener {
 public:
  Listener() {
    fd_ = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_ANY);
    REQUIRE(bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(listen(fd_, 16) == 0);
    socklen_t length = sizeof address;
    getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
  }
  ~Listener() { close(fd_); }
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;
  int port() const { return port_; }
  int accepted() {
    int count = 0;
    for (int client = accept(fd_, nullptr, nullptr); client >= 0; client = accept(fd_, nullptr, nullptr)) {
      close(client);
      ++count;
    }
    return count;
  }

 private:
  int fd_ = -1;
  int port_ = 0;
};

pebble::http::FetchResponse fetch(bool deny, const std::string& pin, int port) {
  pebble::http::FetcherOptions options;
  options.deny_private_networks = deny;
  options.timeout = std::chrono::milliseconds(500);  // the listener never answers
  options.connect_timeout = std::chrono::milliseconds(1000);
  options.resolve = {"feed.test:" + std::to_string(port) + ":" + pin};
  pebble::http::FetchRequest request;
  request.url = "http://feed.test:" + std::to_string(port) + "/feed.xml";
  pebble::http::FetchResponse response;
  pebble::http::make_curl_fetcher(options)->fetch_all(
      {request}, [&](std::size_t, pebble::http::FetchResponse done) { response = std::move(done); }, nullptr);
  return response;
}

// This host's first non-loopback IPv4 address, if it has one.
std::string own_non_loopback_ipv4() {
  ifaddrs* interfaces = nullptr;
  std::string found;
  if (getifaddrs(&interfaces) != 0) return found;
  for (const ifaddrs* entry = interfaces; entry != nullptr && found.empty(); entry = entry->ifa_next) {
    if (entry->ifa_addr == nullptr || entry->ifa_addr->sa_family != AF_INET) continue;
    char text[INET_ADDRSTRLEN] = {};
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(entry->ifa_addr)->sin_addr, text, sizeof text);
    if (std::string(text).rfind("127.", 0) != 0) found = text;
  }
  freeifaddrs(interfaces);
  return found;
}

}  // namespace

TEST_CASE("deny-private: a name resolved to loopback connects only when the policy is off", "[poller]") {
  Listener listener;
  const auto allowed = fetch(false, "127.0.0.1", listener.port());
  CHECK(allowed.failure != pebble::http::FetchFailure::kDenied);
  CHECK(listener.accepted() == 1);

  const auto refused = fetch(true, "127.0.0.1", listener.port());
  CHECK(refused.failure == pebble::http::FetchFailure::kDenied);
  CHECK(refused.error.find("PEBBLE_DENY_PRIVATE_NETWORKS") != std::string::npos);
  CHECK(listener.accepted() == 0);
}

TEST_CASE("deny-private: a name resolved to each embedded or special form is refused without a socket",
          "[poller]") {
  Listener listener;
  for (const char* pin : {"[64:ff9b::7f00:1]", "[64:ff9b::a9fe:a9fe]", "[2002:7f00:1::]", "[fec0::1]",
                          "[::ffff:127.0.0.1]", "[::ffff:0:7f00:1]", "[100::1]", "[2001:0:7f00:1::1]",
                          "[::1]", "198.18.0.1", "192.0.0.8", "192.0.2.1", "0.0.0.0", "169.254.169.254"}) {
    INFO(pin);
    const auto response = fetch(true, pin, listener.port());
    CHECK(response.failure == pebble::http::FetchFailure::kDenied);
  }
  CHECK(listener.accepted() == 0);
}

TEST_CASE("deny-private: the host's own non-loopback address is refused", "[poller]") {
  const std::string own = own_non_loopback_ipv4();
  if (own.empty()) {
    WARN("this host has no non-loopback IPv4 address; nothing to check");
    return;
  }
  Listener listener;
  INFO(own);
  const auto response = fetch(true, own, listener.port());
  CHECK(response.failure == pebble::http::FetchFailure::kDenied);
  CHECK(listener.accepted() == 0);
}
