// Secrets out of messages, by string, before any parsing (issue 12, "Secrets").
#include "support/redact.h"

#include <catch2/catch.hpp>

using pebble::support::redact_credentials;
using pebble::support::redact_whole_url;
using pebble::support::secret_in_url;

TEST_CASE("database passwords never reach logs", "[redact]") {
  CHECK(redact_whole_url("postgresql://pebble:s3cret@db:5432/pebble") ==
        "postgresql://pebble:***@db:5432/pebble");
  CHECK(redact_whole_url("postgres://u:p%40ss@h/db?sslmode=require") ==
        "postgres://u:***@h/db?sslmode=require");
  CHECK(redact_whole_url("postgresql://h/db?user=u&password=hunter2&x=1") ==
        "postgresql://h/db?user=u&password=***&x=1");
  CHECK(redact_whole_url("postgresql://user@h/db") == "postgresql://user@h/db");
  CHECK(redact_whole_url("sqlite:/tmp/x.db") == "sqlite:/tmp/x.db");
  CHECK(redact_whole_url("host=db password=hunter2 user=u") == "host=db password=*** user=u");
}

TEST_CASE("a database URL libpq cannot parse is still redacted", "[redact]") {
  // The two URLs libpq echoed with their password.
  CHECK(redact_whole_url("postgresql://u:S3cr3tPW%zz@h/db") == "postgresql://u:***@h/db");
  CHECK(redact_whole_url("postgresql://u:S3cr3tPW@[::1/db") == "postgresql://u:***@[::1/db");
  // A password with '/', '?' or '#' in it: the userinfo runs to the last '@'.
  CHECK(redact_whole_url("postgresql://u:a/b?c#d@h/db") == "postgresql://u:***@h/db");
  CHECK(secret_in_url("postgresql://u:S3cr3tPW%zz@h/db") == "S3cr3tPW%zz");
  CHECK(secret_in_url("postgresql://h/db?password=pw&x=1") == "pw");
  CHECK(secret_in_url("postgresql://u@h/db").empty());
  CHECK(secret_in_url("https://t0ken@gw/x") == "t0ken");
}

TEST_CASE("URL credentials are redacted wherever they stand in a message", "[redact]") {
  CHECK(redact_credentials("http://user:secret@gw:9091/x") == "http://user:***@gw:9091/x");
  CHECK(redact_credentials("https://token@gw") == "https://***@gw");
  CHECK(redact_credentials("http://u:p@ss@gw/") == "http://u:***@gw/");
  CHECK(redact_credentials("subscribed to https://me:t0ken@feeds.example/a.xml; next https://x:y@b/") ==
        "subscribed to https://me:***@feeds.example/a.xml; next https://x:***@b/");
  CHECK(redact_credentials("libpq: \"postgresql://u:S3cr3tPW@[::1/db\"") ==
        "libpq: \"postgresql://u:***@[::1/db\"");
  // '@' after the authority is not userinfo
  CHECK(redact_credentials("http://gw:9091/metrics/job/a@base64/x") ==
        "http://gw:9091/metrics/job/a@base64/x");
  CHECK(redact_credentials("https://mastodon.social/@user.rss") == "https://mastodon.social/@user.rss");
  CHECK(redact_credentials("mail me@example.com") == "mail me@example.com");
  CHECK(redact_credentials("http://gw:9091") == "http://gw:9091");
  CHECK(redact_credentials("url ?password=abc&x=1 and password=def") ==
        "url ?password=***&x=1 and password=***");
  CHECK(redact_credentials("my_password=keep") == "my_password=keep");
}
