#pragma once
// What the httpd module's engine does to a handler and its answer before libmicrohttpd sends it:
// a throwing or invalid handler becomes a 500, framing headers stay MHD's, header values cannot
// split the response, and the body is gzipped for clients that accept it.
#include <string>

#include "http_server/http_message.h"
#include "http_server/http_server.h"

namespace pebble::http_server {

// The handler's answer to `request`; 500 (logged) when it throws or returns a status outside 200-599.
HttpResponse call_handler(const Handler& handler, const HttpRequest& request);

// Header fields MHD owns: a handler's value for them is dropped (Connection: close is honoured).
bool is_framing_header(const std::string& name);

// A header value without CR or LF, so a handler can never split the response.
std::string without_line_breaks(std::string value);

// Compresses the body when the client accepts gzip; says Vary either way, so caches keep both.
void negotiate_gzip(const HttpRequest& request, HttpResponse& response);

}  // namespace pebble::http_server
