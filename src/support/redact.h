#pragma once
// Secrets out of every message: the passwords and tokens URLs carry. Done on the text itself, before
// and without any parsing, because the texts that leak are the ones a parser rejects (libpq echoing
// `invalid percent-encoded token: "S3cr3t%zz"`, an unterminated `[::1` host).
#include <string>
#include <string_view>

namespace pebble::support {

// `text` with the userinfo of every URL in it ("scheme://user:secret@" -> "scheme://user:***@",
// "scheme://token@" -> "scheme://***@") and every `password=VALUE` (a libpq URL query or keyword
// string) masked. A URL's authority ends at / ? # or white space, so "https://mastodon.social/@user"
// keeps its '@'. For log lines, errors and JSON reports.
std::string redact_credentials(std::string_view text);

// `url` known to be one whole URL (a --database value): its userinfo runs to the last '@', so a
// password with '/', '?' or '#' in it (which makes the URL invalid, and libpq echo it) is masked too.
std::string redact_whole_url(std::string_view url);

// The secret a URL carries, by string and raw as written: the userinfo after its first ':' up to the
// last '@' (the whole userinfo when it has no ':', except for PostgreSQL, where that is the user
// name), else a `password=` value; empty when none. To scrub a library's message of it.
std::string secret_in_url(std::string_view url);

// `text` with every occurrence of `secret` (when not empty) replaced by `***`.
std::string scrub(std::string text, std::string_view secret);

}  // namespace pebble::support
