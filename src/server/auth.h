#pragma once
// Credentials `pebble serve` may require on /metrics (SPEC §7): a bearer token and/or HTTP Basic
// users, loaded from files so secrets never appear in the process list. Secrets are kept only as
// SHA-256 digests and compared in constant time; nothing here logs them.
//
// --bearer-token-file F: the whole file is the token; trailing whitespace (the newline an editor
//   adds) is trimmed. An empty file, or a token spanning several lines, is an error.
// --basic-auth-file F: one "user:password" per line; the password is everything after the first ':'
//   and may contain ':'. Blank lines and lines starting with '#' are ignored; a CR before the line
//   end is dropped. At least one user is required; a user may appear once.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pebble::server {

// A SHA-256 digest, the form every secret is held in.
using SecretDigest = std::array<unsigned char, 32>;

// Checks Authorization headers against the configured credentials.
class Authenticator {
 public:
  // Loads the given files (either may be absent); throws UsageError naming the flag and file.
  static Authenticator load(const std::optional<std::string>& bearer_token_file,
                            const std::optional<std::string>& basic_auth_file);
  // An authenticator built from a token text (bearer) — the file's content, for tests and loaders.
  static Authenticator from_bearer_token_text(std::string_view content, std::string_view file_name);
  // An authenticator built from a basic-auth file's text.
  static Authenticator from_basic_auth_text(std::string_view content, std::string_view file_name);

  // True when any credential is configured, i.e. requests must carry one.
  bool required() const { return bearer_token_.has_value() || !basic_users_.empty(); }
  // True when no credential is required or `authorization` (the header value) carries a valid one.
  bool allows(const std::optional<std::string>& authorization) const;
  // The WWW-Authenticate value of a 401: Basic when users are configured (browsers prompt), else Bearer.
  std::string challenge() const;
  // How many Basic users were loaded.
  std::size_t basic_user_count() const { return basic_users_.size(); }

 private:
  // One Basic user: digests of the name and of the password.
  struct BasicUser {
    SecretDigest user;
    SecretDigest password;
  };
  std::optional<SecretDigest> bearer_token_;
  std::vector<BasicUser> basic_users_;

  // True when `token` is the configured bearer token.
  bool allows_bearer(std::string_view token) const;
  // True when base64 "user:password" matches a configured user; compares against every user.
  bool allows_basic(std::string_view encoded) const;
};

}  // namespace pebble::server
