#include "support/base64.h"

#include <catch2/catch.hpp>

using pebble::support::decode_base64;
using pebble::support::encode_base64;
using pebble::support::encode_base64_url;

TEST_CASE("base64 follows RFC 4648 test vectors in both alphabets", "[support]") {
  CHECK(encode_base64("") == "");
  CHECK(encode_base64("f") == "Zg==");
  CHECK(encode_base64("fo") == "Zm8=");
  CHECK(encode_base64("foo") == "Zm9v");
  CHECK(encode_base64("foobar") == "Zm9vYmFy");
  CHECK(encode_base64("\xfb\xff") == "+/8=");
  CHECK(encode_base64_url("\xfb\xff") == "-_8=");
  CHECK(encode_base64_url("/foo") == "L2Zvbw==");
  CHECK(decode_base64("Zm9vYmFy") == "foobar");
  CHECK(decode_base64("Zg==") == "f");
  CHECK(decode_base64("Zm8=") == "fo");
  CHECK(decode_base64("dXNlcjpwYXNz") == "user:pass");
  CHECK_FALSE(decode_base64("Zg="));
  CHECK_FALSE(decode_base64("Z==="));
  CHECK_FALSE(decode_base64("Zm=v"));
  CHECK_FALSE(decode_base64("Zm9-"));
}
