#include "http_server/request_parser.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace pebble::http_server {

namespace {

// RFC 9110 §5.6.2 tchar.
bool is_token_char(char letter) {
  if ((letter >= 'a' && letter <= 'z') || (letter >= 'A' && letter <= 'Z') ||
      (letter >= '0' && letter <= '9')) {
    return true;
  }
  return std::string_view("!#$%&'*+-.^_`|~").find(letter) != std::string_view::npos;
}

bool is_token(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_token_char);
}

bool is_control(char letter) {
  const auto code = static_cast<unsigned char>(letter);
  return code < 0x20 || code == 0x7f;
}

std::string_view trim_whitespace(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// True when the comma-separated header value lists `token` (case-insensitive), e.g. Connection.
bool lists_token(std::string_view value, std::string_view token) {
  while (!value.empty()) {
    const auto comma = value.find(',');
    if (header_name_equals(trim_whitespace(value.substr(0, comma)), token)) return true;
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return false;
}

HeadParseResult error(int status, std::string text) {
  HeadParseResult result;
  result.status = HeadStatus::kError;
  result.error_status = status;
  result.error_text = std::move(text);
  return result;
}

// Splits the head into lines, each without its CR LF (a bare LF also ends a line).
std::vector<std::string_view> split_lines(std::string_view head) {
  std::vector<std::string_view> lines;
  while (!head.empty()) {
    const auto newline = head.find('\n');
    std::string_view line = head.substr(0, newline);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (newline == std::string_view::npos) break;
    head.remove_prefix(newline + 1);
  }
  return lines;
}

std::optional<HeadParseResult> parse_request_line(std::string_view line, HeadParseResult& result) {
  const auto first_space = line.find(' ');
  const auto second_space =
      first_space == std::string_view::npos ? first_space : line.find(' ', first_space + 1);
  if (second_space == std::string_view::npos || line.find(' ', second_space + 1) != std::string_view::npos) {
    return error(400, "malformed request line");
  }
  const auto method = line.substr(0, first_space);
  const auto target = line.substr(first_space + 1, second_space - first_space - 1);
  const auto version = line.substr(second_space + 1);
  if (!is_token(method)) return error(400, "malformed request method");
  if (target.empty() || std::any_of(target.begin(), target.end(), is_control) ||
      !(target.front() == '/' || (target == "*" && method == "OPTIONS"))) {
    return error(400, "malformed request target");
  }
  if (version != "HTTP/1.1" && version != "HTTP/1.0") {
    const bool looks_like_http = version.size() == 8 && version.substr(0, 5) == "HTTP/" && version[6] == '.';
    return looks_like_http ? error(505, "only HTTP/1.0 and HTTP/1.1 are supported")
                           : error(400, "malformed HTTP version");
  }
  result.request.method = std::string(method);
  result.request.target = std::string(target);
  const auto question = target.find('?');
  result.request.path = std::string(target.substr(0, question));
  if (question != std::string_view::npos) result.request.query = std::string(target.substr(question + 1));
  result.request.version = std::string(version);
  return std::nullopt;
}

std::optional<HeadParseResult> parse_header_line(std::string_view line, HttpHeaders& headers) {
  if (line.front() == ' ' || line.front() == '\t') return error(400, "folded header lines are not allowed");
  const auto colon = line.find(':');
  if (colon == std::string_view::npos || !is_token(line.substr(0, colon))) {
    return error(400, "malformed header field");
  }
  const auto value = trim_whitespace(line.substr(colon + 1));
  if (std::any_of(value.begin(), value.end(),
                  [](char letter) { return is_control(letter) && letter != '\t'; })) {
    return error(400, "control character in a header value");
  }
  headers.add(std::string(line.substr(0, colon)), std::string(value));
  return std::nullopt;
}

std::optional<HeadParseResult> parse_framing(HeadParseResult& result, const RequestLimits& limits) {
  const HttpHeaders& headers = result.request.headers;
  if (result.request.version == "HTTP/1.1" && headers.get_all("Host").size() != 1) {
    return error(400, "an HTTP/1.1 request needs exactly one Host header");
  }
  if (headers.has("Transfer-Encoding")) {
    if (headers.has("Content-Length")) return error(400, "both Transfer-Encoding and Content-Length");
    return error(501, "transfer codings are not supported; send Content-Length");
  }
  const auto lengths = headers.get_all("Content-Length");
  if (!lengths.empty()) {
    const std::string& length = lengths.front();
    if (std::any_of(lengths.begin(), lengths.end(),
                    [&](const std::string& other) { return other != length; }) ||
        length.empty() || length.size() > 18 ||
        !std::all_of(length.begin(), length.end(), [](char digit) { return digit >= '0' && digit <= '9'; })) {
      return error(400, "malformed Content-Length");
    }
    result.content_length = std::stoull(length);
    if (result.content_length > limits.max_body_bytes) return error(413, "request body too large");
  }
  const std::string connection = headers.get("Connection").value_or("");
  result.keep_alive = result.request.version == "HTTP/1.1" ? !lists_token(connection, "close")
                                                           : lists_token(connection, "keep-alive");
  const std::string expect = headers.get("Expect").value_or("");
  result.expect_continue = header_name_equals(expect, "100-continue");
  return std::nullopt;
}

}  // namespace

HeadParseResult parse_request_head(std::string_view buffer, const RequestLimits& limits) {
  std::size_t skipped = 0;
  while (skipped < buffer.size() && (buffer[skipped] == '\r' || buffer[skipped] == '\n')) ++skipped;
  if (skipped > limits.max_head_bytes) return error(400, "too many empty lines before the request");
  const std::string_view rest = buffer.substr(skipped);
  const auto crlf_end = rest.find("\r\n\r\n");
  const auto lf_end = rest.find("\n\n");
  const std::size_t head_end = std::min(crlf_end == std::string_view::npos ? crlf_end : crlf_end + 4,
                                        lf_end == std::string_view::npos ? lf_end : lf_end + 2);
  if (head_end == std::string_view::npos || head_end > limits.max_head_bytes) {
    const std::string_view seen = rest.substr(0, std::min(rest.size(), limits.max_head_bytes + 1));
    if (seen.size() <= limits.max_head_bytes) return HeadParseResult{};  // wait for more bytes
    if (seen.find('\n') == std::string_view::npos) return error(414, "request line too long");
    return error(431, "request header fields too large");
  }
  HeadParseResult result;
  const auto lines = split_lines(rest.substr(0, head_end));
  if (auto failure = parse_request_line(lines.front(), result)) return *failure;
  for (std::size_t index = 1; index < lines.size(); ++index) {
    if (lines[index].empty()) break;
    if (auto failure = parse_header_line(lines[index], result.request.headers)) return *failure;
  }
  if (auto failure = parse_framing(result, limits)) return *failure;
  result.status = HeadStatus::kComplete;
  result.head_bytes = skipped + head_end;
  return result;
}

}  // namespace pebble::http_server
