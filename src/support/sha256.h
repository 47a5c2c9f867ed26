#pragma once
// SHA-256 (FIPS 180-4) through nettle, the one room of that library: unique_hash of URLs, item
// guids made from their content, and serve's secrets compared by digest. nettle rather than
// OpenSSL's libcrypto, which costs a process more to load than the rest of a read command.
#include <array>
#include <string>
#include <string_view>

namespace pebble::support {

// A SHA-256 digest.
using Sha256Digest = std::array<unsigned char, 32>;

// The digest of `bytes`.
Sha256Digest sha256(std::string_view bytes);

// The digest of `bytes` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

// Whether two digests are equal, in time that does not depend on where they differ.
bool digests_equal(const Sha256Digest& left, const Sha256Digest& right);

}  // namespace pebble::support
