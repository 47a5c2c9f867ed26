#pragma once
// Base64 (RFC 4648) for Pushgateway grouping keys (§5 URL alphabet) and HTTP Basic credentials.
#include <optional>
#include <string>
#include <string_view>

namespace pebble::http {

// Standard alphabet with '=' padding.
std::string encode_base64(std::string_view bytes);

// URL-safe alphabet ('-' and '_') with '=' padding, as the Pushgateway's @base64 keys expect.
std::string encode_base64_url(std::string_view bytes);

// Decodes the standard alphabet (padding required when the length is not a multiple of 4);
// nullopt for any other character or a malformed length.
std::optional<std::string> decode_base64(std::string_view text);

}  // namespace pebble::http
