#pragma once
// Base64 (RFC 4648): Pushgateway grouping keys (§5 URL alphabet), HTTP Basic credentials and
// Atom 0.3 mode="base64" content; a byte codec, so it lives below every room that needs it.
#include <optional>
#include <string>
#include <string_view>

namespace pebble::support {

// Standard alphabet with '=' padding.
std::string encode_base64(std::string_view bytes);

// URL-safe alphabet ('-' and '_') with '=' padding, as the Pushgateway's @base64 keys expect.
std::string encode_base64_url(std::string_view bytes);

// Decodes the standard alphabet (padding required when the length is not a multiple of 4);
// nullopt for any other character or a malformed length.
std::optional<std::string> decode_base64(std::string_view text);

}  // namespace pebble::support
