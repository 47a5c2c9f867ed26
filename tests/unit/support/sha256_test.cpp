#include "support/sha256.h"

#include <string>

#include <catch2/catch.hpp>

using pebble::support::digests_equal;
using pebble::support::sha256;
using pebble::support::sha256_hex;

TEST_CASE("sha256_hex matches known digests", "[support]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex(std::string("\0\xff", 2)) ==
        "06eb7d6a69ee19e5fbdf749018d3d2abfa04bcbd1365db312eb86dc7169389b8");
}

TEST_CASE("digests compare equal only when every byte is", "[support]") {
  CHECK(digests_equal(sha256("secret"), sha256("secret")));
  CHECK_FALSE(digests_equal(sha256("secret"), sha256("Secret")));
  auto last_differs = sha256("secret");
  last_differs.back() ^= 1;
  CHECK_FALSE(digests_equal(sha256("secret"), last_differs));
}
