#pragma once
// The request and response values HttpServer hands to and takes from a handler. std-only.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pebble::http_server {

// Header fields in arrival order; names compare case-insensitively (RFC 9110 §5.1).
class HttpHeaders {
 public:
  // The value of the first field called `name`, if any.
  std::optional<std::string> get(std::string_view name) const;
  // True when a field called `name` is present.
  bool has(std::string_view name) const { return get(name).has_value(); }
  // Appends a field, keeping any earlier one of the same name.
  void add(std::string name, std::string value);
  // Replaces every field called `name` by one with `value`.
  void set(std::string name, std::string value);
  // Every field called `name`, in order.
  std::vector<std::string> get_all(std::string_view name) const;
  // All fields, in order.
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

// True when two header names are equal ignoring ASCII case.
bool header_name_equals(std::string_view left, std::string_view right);

// One parsed request. A HEAD request reaches the handler as GET with `head` set, so handlers written
// for GET answer HEAD too; the server drops the body (RFC 9110 §9.3.2).
struct HttpRequest {
  std::string method;   // the request method, case-sensitive token ("GET", "PUT", ...)
  std::string target;   // the raw request target, e.g. "/metrics?name=x"
  std::string path;     // target before '?', not percent-decoded
  std::string query;    // target after '?', raw; empty when absent
  std::string version;  // "HTTP/1.1" or "HTTP/1.0"
  HttpHeaders headers;
  std::string body;
  std::string peer;   // the client's address, "127.0.0.1:53412" or "[::1]:53412"
  bool head = false;  // the client sent HEAD
};

// What a handler answers. Content-Length, Date and Connection are set by the server (a handler
// may ask for "Connection: close"); Content-Encoding and Vary too when it compresses the body.
struct HttpResponse {
  int status = 200;
  HttpHeaders headers;
  std::string body;
};

// A response with a body and its Content-Type (text/plain by default).
HttpResponse make_response(int status, std::string body,
                           std::string content_type = "text/plain; charset=utf-8");

}  // namespace pebble::http_server
