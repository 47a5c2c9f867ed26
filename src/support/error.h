#pragma once
// The one exception family of pebble, caught once in main and mapped to exit codes (SPEC §1.2).
#include <stdexcept>
#include <string>

namespace pebble::support {

// Process exit codes of SPEC §1.2.
enum class ExitCode : int {
  kOk = 0,
  kFailure = 1,
  kUsage = 2,
  kPartial = 3,
  kInterrupted = 130,
};

// Base of every error pebble reports to a user: the message is one line, already worded for them.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message, ExitCode code = ExitCode::kFailure)
      : std::runtime_error(message), code_(code) {}
  // The exit status main returns for this error.
  ExitCode code() const { return code_; }

 private:
  ExitCode code_;
};

// A bad flag, environment variable or configuration value (exit 2).
class UsageError : public Error {
 public:
  explicit UsageError(const std::string& message) : Error(message, ExitCode::kUsage) {}
};

// The store could not be opened, migrated or queried (exit 1).
class StoreError : public Error {
 public:
  explicit StoreError(const std::string& message) : Error(message, ExitCode::kFailure) {}
};

// A unique or foreign-key constraint refused a write; callers may treat it as an expected outcome.
class ConstraintError : public StoreError {
 public:
  explicit ConstraintError(const std::string& message) : StoreError(message) {}
};

}  // namespace pebble::support
