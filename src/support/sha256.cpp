#include "support/sha256.h"

#include <nettle/memops.h>
#include <nettle/sha2.h>

namespace pebble::support {

Sha256Digest sha256(std::string_view bytes) {
  sha256_ctx context{};
  sha256_init(&context);
  sha256_update(&context, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
  Sha256Digest digest{};
  sha256_digest(&context, digest.size(), digest.data());
  return digest;
}

std::string sha256_hex(std::string_view bytes) {
  constexpr std::string_view kHex = "0123456789abcdef";
  const Sha256Digest digest = sha256(bytes);
  std::string hex;
  hex.reserve(digest.size() * 2);
  for (const unsigned char byte : digest) {
    hex.push_back(kHex[byte >> 4]);
    hex.push_back(kHex[byte & 0x0F]);
  }
  return hex;
}

bool digests_equal(const Sha256Digest& left, const Sha256Digest& right) {
  return nettle_memeql_sec(left.data(), right.data(), left.size()) != 0;
}

}  // namespace pebble::support
