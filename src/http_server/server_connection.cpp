#include "http_server/server_connection.h"

#include <cstdio>
#include <ctime>
#include <exception>
#include <sys/socket.h>
#include <unistd.h>

#include <spdlog/spdlog.h>

#include "http_server/request_parser.h"
#include "http_server/socket_io.h"

namespace pebble::http_server {

namespace {

// How long and how much close_gracefully reads before giving up on a client that keeps sending.
constexpr auto kLingerTime = std::chrono::milliseconds(500);
constexpr std::size_t kLingerBytes = 256 * 1024;

// Header fields the server owns: a handler's value for them is replaced.
bool is_framing_header(const std::string& name) {
  return header_name_equals(name, "Content-Length") || header_name_equals(name, "Transfer-Encoding") ||
         header_name_equals(name, "Connection");
}

// A header value without CR or LF, so a handler can never split the response.
std::string without_line_breaks(std::string value) {
  for (char& letter : value) {
    if (letter == '\r' || letter == '\n') letter = ' ';
  }
  return value;
}

// The Date header an origin server must send (RFC 9110 §6.6.1), in IMF-fixdate form.
std::string http_date() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char text[40];
  std::snprintf(text, sizeof(text), "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[utc.tm_wday], utc.tm_mday,
                kMonths[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
  return text;
}

std::string serialize_response(const HttpResponse& response, bool head_only, bool keep_alive) {
  std::string text = "HTTP/1.1 " + std::to_string(response.status) + " " +
                     std::string(reason_phrase(response.status)) + "\r\n";
  if (!response.headers.has("Date")) text += "Date: " + http_date() + "\r\n";
  for (const auto& [name, value] : response.headers.fields()) {
    if (is_framing_header(name)) continue;
    text += without_line_breaks(name) + ": " + without_line_breaks(value) + "\r\n";
  }
  const bool bodiless_status = response.status == 204 || response.status == 304;
  if (!bodiless_status) text += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
  text += keep_alive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
  if (!head_only && !bodiless_status) text += response.body;
  return text;
}

// Answers with an error status and closes: used when the request could not be read.
AfterRequest reject(Connection& connection, const ServerOptions& options, int status,
                    const std::string& text) {
  const auto response = make_response(status, text + "\n");
  const auto deadline = SteadyClock::now() + options.write_timeout;
  connection.linger =
      send_all(connection.socket, serialize_response(response, false, false), deadline) == IoStatus::kOk;
  return AfterRequest::kClose;
}

HttpResponse call_handler(const Handler& handler, const HttpRequest& request) {
  try {
    HttpResponse response = handler(request);
    if (response.status < 200 || response.status > 599) {
      spdlog::warn("http: handler for {} {} returned invalid status {}", request.method, request.path,
                   response.status);
      return make_response(500, "internal server error\n");
    }
    return response;
  } catch (const std::exception& failure) {
    spdlog::warn("http: handler for {} {} failed: {}", request.method, request.path, failure.what());
  } catch (...) {
    spdlog::warn("http: handler for {} {} failed with a non-standard exception", request.method,
                 request.path);
  }
  return make_response(500, "internal server error\n");
}

bool only_line_breaks(const std::string& bytes) {
  return bytes.find_first_not_of("\r\n") == std::string::npos;
}

}  // namespace

AfterRequest serve_one_request(Connection& connection, const ServerOptions& options, const Handler& handler,
                               bool stopping) {
  const auto deadline = SteadyClock::now() + options.request_timeout;
  const RequestLimits limits{options.max_head_bytes, options.max_body_bytes};
  HeadParseResult head = parse_request_head(connection.buffered, limits);
  while (head.status == HeadStatus::kIncomplete) {
    const IoStatus status = receive_some(connection.socket, connection.buffered, deadline);
    if (status == IoStatus::kTimeout && !only_line_breaks(connection.buffered)) {
      return reject(connection, options, 408, "request not received in time");
    }
    if (status != IoStatus::kOk) return AfterRequest::kClose;  // the client left or stayed silent
    head = parse_request_head(connection.buffered, limits);
  }
  if (head.status == HeadStatus::kError)
    return reject(connection, options, head.error_status, head.error_text);
  connection.buffered.erase(0, head.head_bytes);

  if (head.expect_continue && connection.buffered.size() < head.content_length) {
    const auto write_deadline = SteadyClock::now() + options.write_timeout;
    if (send_all(connection.socket, "HTTP/1.1 100 Continue\r\n\r\n", write_deadline) != IoStatus::kOk) {
      return AfterRequest::kClose;
    }
  }
  while (connection.buffered.size() < head.content_length) {
    const IoStatus status = receive_some(connection.socket, connection.buffered, deadline);
    if (status == IoStatus::kTimeout)
      return reject(connection, options, 408, "request body not received in time");
    if (status != IoStatus::kOk) return AfterRequest::kClose;
  }
  HttpRequest& request = head.request;
  request.body = connection.buffered.substr(0, head.content_length);
  connection.buffered.erase(0, head.content_length);
  request.peer = connection.peer;
  if (request.method == "HEAD") {
    request.method = "GET";
    request.head = true;
  }

  const HttpResponse response = call_handler(handler, request);
  const std::string connection_header = response.headers.get("Connection").value_or("");
  const bool keep_alive = head.keep_alive && !stopping && !header_name_equals(connection_header, "close");
  const auto write_deadline = SteadyClock::now() + options.write_timeout;
  if (send_all(connection.socket, serialize_response(response, request.head, keep_alive), write_deadline) !=
      IoStatus::kOk) {
    return AfterRequest::kClose;
  }
  return keep_alive ? AfterRequest::kKeepOpen : AfterRequest::kClose;
}

void close_gracefully(int socket) {
  ::shutdown(socket, SHUT_WR);
  const auto deadline = SteadyClock::now() + kLingerTime;
  std::string discarded;
  std::size_t total = 0;
  while (total < kLingerBytes && receive_some(socket, discarded, deadline) == IoStatus::kOk) {
    total += discarded.size();
    discarded.clear();
  }
  ::close(socket);
}

}  // namespace pebble::http_server
