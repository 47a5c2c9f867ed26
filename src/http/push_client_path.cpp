// The curl-free half of the push client: grouping paths and URL redaction, unit-tested directly.
#include "http/push_client.h"
#include "support/ascii_text.h"
#include "support/base64.h"
#include "support/error.h"

namespace pebble::http {

namespace {

// RFC 3986 unreserved characters stay; every other byte becomes %XX.
std::string percent_encode_segment(std::string_view value) {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string encoded;
  for (char letter : value) {
    const auto byte = static_cast<unsigned char>(letter);
    const bool unreserved = support::is_ascii_alphanumeric(letter) || letter == '-' || letter == '.' ||
                            letter == '_' || letter == '~';
    if (unreserved) {
      encoded += letter;
    } else {
      encoded += '%';
      encoded += kHex[byte >> 4];
      encoded += kHex[byte & 0x0f];
    }
  }
  return encoded;
}

}  // namespace

std::string grouping_path(const GroupingKey& grouping) {
  if (grouping.empty() || grouping.front().first != "job") {
    throw support::Error("Pushgateway grouping key must start with the label 'job'");
  }
  std::string path = "/metrics";
  for (const auto& [name, value] : grouping) {
    if (!support::is_label_name(name))
      throw support::Error("invalid Pushgateway grouping label name '" + name + "'");
    // '/' cannot travel in a path segment even encoded (proxies decode %2F), and an empty segment
    // would vanish: the Pushgateway's @base64 form carries both.
    if (value.empty() || value.find('/') != std::string::npos) {
      path +=
          "/" + name + "@base64/" + (value.empty() ? std::string("=") : support::encode_base64_url(value));
    } else {
      path += "/" + name + "/" + percent_encode_segment(value);
    }
  }
  return path;
}

}  // namespace pebble::http
