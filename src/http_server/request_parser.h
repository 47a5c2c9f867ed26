#pragma once
// Parsing of an HTTP/1.x request head (request line and header fields) from the bytes received so
// far: a pure function, so every malformed shape is tested without sockets. std-only.
#include <cstddef>
#include <string>
#include <string_view>

#include "http_server/http_message.h"

namespace pebble::http_server {

// Limits the parser enforces, from ServerOptions.
struct RequestLimits {
  std::size_t max_head_bytes = 16 * 1024;  // request line + header fields + blank line
  std::size_t max_body_bytes = 1024 * 1024;
};

// Whether the buffer held a whole head, needs more bytes, or is answered with an error status.
enum class HeadStatus { kComplete, kIncomplete, kError };

// The result of parse_request_head; `request` has no body and no peer yet.
struct HeadParseResult {
  HeadStatus status = HeadStatus::kIncomplete;
  HttpRequest request;
  std::size_t head_bytes = 0;      // bytes of the buffer the head used, blank line included
  std::size_t content_length = 0;  // body bytes that follow the head
  bool keep_alive = false;         // the client allows another request on this connection
  bool expect_continue = false;    // the client waits for "100 Continue" before sending the body
  int error_status = 0;            // 400, 413, 414, 431, 501 or 505 when status is kError
  std::string error_text;          // one line saying what was wrong, for the response body
};

// Parses the head at the start of `buffer` (leading empty lines are skipped, RFC 9112 §2.2).
HeadParseResult parse_request_head(std::string_view buffer, const RequestLimits& limits);

}  // namespace pebble::http_server
