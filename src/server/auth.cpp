#include "server/auth.h"

#include <cctype>
#include <set>

#include "support/ascii_text.h"
#include "support/base64.h"
#include "support/error.h"
#include "support/flag_file.h"
#include "support/sha256.h"

namespace pebble::server {

namespace {

// Hashing first makes every comparison the same length, so timing reveals neither content nor length.
SecretDigest digest_of(std::string_view secret) {
  return support::sha256(secret);
}

bool digests_equal(const SecretDigest& left, const SecretDigest& right) {
  return support::digests_equal(left, right);
}

std::string_view trim_trailing_whitespace(std::string_view text) {
  while (!text.empty() &&
         (text.back() == '\n' || text.back() == '\r' || text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return text;
}

// Splits "Scheme credentials" (RFC 9110 §11.4); the scheme compares case-insensitively.
std::optional<std::string_view> credentials_for(std::string_view header, std::string_view scheme) {
  if (header.size() <= scheme.size() || header[scheme.size()] != ' ') return std::nullopt;
  if (!support::starts_with_ignoring_ascii_case(header, scheme)) return std::nullopt;
  std::string_view credentials = header.substr(scheme.size());
  while (!credentials.empty() && credentials.front() == ' ') credentials.remove_prefix(1);
  while (!credentials.empty() && credentials.back() == ' ') credentials.remove_suffix(1);
  return credentials;
}

}  // namespace

Authenticator Authenticator::load(const std::optional<std::string>& bearer_token_file,
                                  const std::optional<std::string>& basic_auth_file) {
  Authenticator authenticator;
  if (bearer_token_file) {
    authenticator.bearer_token_ =
        from_bearer_token_text(support::read_flag_file(*bearer_token_file, "--bearer-token-file"),
                               *bearer_token_file)
            .bearer_token_;
  }
  if (basic_auth_file) {
    authenticator.basic_users_ =
        from_basic_auth_text(support::read_flag_file(*basic_auth_file, "--basic-auth-file"), *basic_auth_file)
            .basic_users_;
  }
  return authenticator;
}

Authenticator Authenticator::from_bearer_token_text(std::string_view content, std::string_view file_name) {
  const std::string where = "--bearer-token-file " + std::string(file_name) + ": ";
  const std::string_view token = trim_trailing_whitespace(content);
  if (token.empty()) throw support::UsageError(where + "file is empty; write the token on its first line");
  if (token.find_first_of("\r\n") != std::string_view::npos) {
    throw support::UsageError(where + "the token must be a single line");
  }
  Authenticator authenticator;
  authenticator.bearer_token_ = digest_of(token);
  return authenticator;
}

Authenticator Authenticator::from_basic_auth_text(std::string_view content, std::string_view file_name) {
  const std::string where = "--basic-auth-file " + std::string(file_name) + ": ";
  Authenticator authenticator;
  std::set<std::string> seen_users;
  std::size_t line_number = 0;
  while (!content.empty()) {
    const auto newline = content.find('\n');
    std::string_view line = content.substr(0, newline);
    content = newline == std::string_view::npos ? std::string_view() : content.substr(newline + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos || line.front() == '#') continue;
    const auto colon = line.find(':');
    const std::string line_text = "line " + std::to_string(line_number) + ": ";
    // The line itself is never quoted: it holds a password.
    if (colon == std::string_view::npos)
      throw support::UsageError(where + line_text + "expected user:password");
    if (colon == 0) throw support::UsageError(where + line_text + "the user name is empty");
    if (colon + 1 == line.size()) throw support::UsageError(where + line_text + "the password is empty");
    const std::string user(line.substr(0, colon));
    if (!seen_users.insert(user).second)
      throw support::UsageError(where + line_text + "user '" + user + "' appears twice");
    authenticator.basic_users_.push_back({digest_of(user), digest_of(line.substr(colon + 1))});
  }
  if (authenticator.basic_users_.empty()) throw support::UsageError(where + "no user:password lines found");
  return authenticator;
}

bool Authenticator::allows(const std::optional<std::string>& authorization) const {
  if (!required()) return true;
  if (!authorization) return false;
  if (const auto token = credentials_for(*authorization, "Bearer")) return allows_bearer(*token);
  if (const auto encoded = credentials_for(*authorization, "Basic")) return allows_basic(*encoded);
  return false;
}

bool Authenticator::allows_bearer(std::string_view token) const {
  return bearer_token_.has_value() && digests_equal(*bearer_token_, digest_of(token));
}

bool Authenticator::allows_basic(std::string_view encoded) const {
  const auto decoded = support::decode_base64(encoded);
  if (!decoded) return false;
  const auto colon = decoded->find(':');
  if (colon == std::string::npos) return false;
  const SecretDigest user = digest_of(std::string_view(*decoded).substr(0, colon));
  const SecretDigest password = digest_of(std::string_view(*decoded).substr(colon + 1));
  // Every entry is compared, so the time taken does not tell which user names exist.
  bool allowed = false;
  for (const BasicUser& entry : basic_users_) {
    const bool user_matches = digests_equal(entry.user, user);
    const bool password_matches = digests_equal(entry.password, password);
    allowed = allowed || (user_matches && password_matches);
  }
  return allowed;
}

std::string Authenticator::challenge() const {
  return basic_users_.empty() ? "Bearer realm=\"pebble\"" : "Basic realm=\"pebble\", charset=\"UTF-8\"";
}

}  // namespace pebble::server
