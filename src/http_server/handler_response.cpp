#include "http_server/handler_response.h"

#include <exception>

#include <spdlog/spdlog.h>

#include "http_server/gzip_body.h"

namespace pebble::http_server {

HttpResponse call_handler(const Handler& handler, const HttpRequest& request) {
  try {
    HttpResponse response = handler(request);
    if (response.status >= 200 && response.status <= 599) return response;
    spdlog::warn("http: handler for {} {} returned invalid status {}", request.method, request.path,
                 response.status);
  } catch (const std::exception& failure) {
    spdlog::warn("http: handler for {} {} failed: {}", request.method, request.path, failure.what());
  } catch (...) {
    spdlog::warn("http: handler for {} {} failed with a non-standard exception", request.method,
                 request.path);
  }
  return make_response(500, "internal server error\n");
}

bool is_framing_header(const std::string& name) {
  return header_name_equals(name, "Content-Length") || header_name_equals(name, "Transfer-Encoding") ||
         header_name_equals(name, "Connection") || header_name_equals(name, "Date");
}

std::string without_line_breaks(std::string value) {
  for (char& letter : value) {
    if (letter == '\r' || letter == '\n') letter = ' ';
  }
  return value;
}

void negotiate_gzip(const HttpRequest& request, HttpResponse& response) {
  if (response.body.empty() || response.status == 204 || response.status == 304 ||
      response.headers.has("Content-Encoding")) {
    return;
  }
  response.headers.add("Vary", "Accept-Encoding");
  if (!accepts_gzip(request.headers.get("Accept-Encoding").value_or(""))) return;
  response.body = gzip_compress(response.body);
  response.headers.set("Content-Encoding", "gzip");
}

}  // namespace pebble::http_server
