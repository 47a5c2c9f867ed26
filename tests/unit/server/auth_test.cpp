#include "server/auth.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "support/base64.h"
#include "support/error.h"

using pebble::server::Authenticator;
using pebble::support::encode_base64;
using pebble::support::UsageError;

namespace {

std::string basic(const std::string& user_and_password) {
  return "Basic " + encode_base64(user_and_password);
}

}  // namespace

TEST_CASE("bearer token files are trimmed and compared exactly", "[http]") {
  const auto auth = Authenticator::from_bearer_token_text("s3cret-token\n", "token.txt");
  CHECK(auth.required());
  CHECK(auth.allows(std::string("Bearer s3cret-token")));
  CHECK(auth.allows(std::string("bearer  s3cret-token")));
  CHECK_FALSE(auth.allows(std::string("Bearer s3cret-toke")));
  CHECK_FALSE(auth.allows(std::string("Bearer s3cret-token2")));
  CHECK_FALSE(auth.allows(std::string("Bearer ")));
  CHECK_FALSE(auth.allows(std::string("Bearers3cret-token")));
  CHECK_FALSE(auth.allows(std::string("s3cret-token")));
  CHECK_FALSE(auth.allows(basic("x:s3cret-token")));
  CHECK_FALSE(auth.allows(std::nullopt));
  CHECK(auth.challenge().rfind("Bearer", 0) == 0);
  CHECK(Authenticator::from_bearer_token_text("tok\r\n\r\n", "t").allows(std::string("Bearer tok")));
}

TEST_CASE("bad bearer token files are usage errors naming the file, never the token", "[http]") {
  CHECK_THROWS_WITH(Authenticator::from_bearer_token_text("", "/etc/pebble/token"),
                    Catch::Contains("/etc/pebble/token") && Catch::Contains("empty"));
  CHECK_THROWS_AS(Authenticator::from_bearer_token_text("\n \n", "t"), UsageError);
  CHECK_THROWS_WITH(Authenticator::from_bearer_token_text("first\nsecond-secret\n", "t"),
                    Catch::Contains("single line") && !Catch::Contains("second-secret"));
}

TEST_CASE("basic auth files hold user:password lines", "[http]") {
  const auto auth = Authenticator::from_basic_auth_text(
      "# scrapers\n\nprometheus:pa:ss:word\r\nalice:wonder land\n", "users.txt");
  CHECK(auth.basic_user_count() == 2);
  CHECK(auth.allows(basic("prometheus:pa:ss:word")));
  CHECK(auth.allows(basic("alice:wonder land")));
  CHECK(auth.allows("basic " + encode_base64("alice:wonder land")));
  CHECK_FALSE(auth.allows(basic("alice:pa:ss:word")));
  CHECK_FALSE(auth.allows(basic("prometheus:pa:ss:wor")));
  CHECK_FALSE(auth.allows(basic("prometheus")));
  CHECK_FALSE(auth.allows(std::string("Basic !!notbase64")));
  CHECK_FALSE(auth.allows(std::string("Bearer pa:ss:word")));
  CHECK(auth.challenge().rfind("Basic", 0) == 0);
}

TEST_CASE("malformed basic auth files name the file and line, never the password", "[http]") {
  CHECK_THROWS_WITH(
      Authenticator::from_basic_auth_text("ok:pw\nnocolonsecret\n", "users.txt"),
      Catch::Contains("users.txt") && Catch::Contains("line 2") && !Catch::Contains("nocolonsecret"));
  CHECK_THROWS_WITH(Authenticator::from_basic_auth_text(":pw\n", "u"), Catch::Contains("user name is empty"));
  CHECK_THROWS_WITH(Authenticator::from_basic_auth_text("bob:\n", "u"), Catch::Contains("password is empty"));
  CHECK_THROWS_WITH(Authenticator::from_basic_auth_text("bob:a\nbob:b\n", "u"), Catch::Contains("twice"));
  CHECK_THROWS_WITH(Authenticator::from_basic_auth_text("# only a comment\n", "u"),
                    Catch::Contains("no user"));
}

TEST_CASE("Authenticator::load reads files and reports unreadable ones", "[http]") {
  CHECK_FALSE(Authenticator::load(std::nullopt, std::nullopt).required());
  CHECK(Authenticator::load(std::nullopt, std::nullopt).allows(std::nullopt));
  CHECK_THROWS_WITH(Authenticator::load(std::string("/nonexistent/pebble-token"), std::nullopt),
                    Catch::Contains("--bearer-token-file /nonexistent/pebble-token"));
  const std::string path =
      (std::filesystem::temp_directory_path() / ("pebble_auth_test_" + std::to_string(::getpid()))).string();
  {
    std::ofstream out(path);
    out << "file-token\n";
  }
  const auto auth = Authenticator::load(path, std::nullopt);
  std::remove(path.c_str());
  CHECK(auth.allows(std::string("Bearer file-token")));
  CHECK_FALSE(auth.allows(std::string("Bearer other")));
}
