#pragma once
// Helpers shared by the Catch2 test tiers: where test inputs live and how a missing service skips.
#include <optional>
#include <string>

namespace pebble::test {

// The folder holding ../shared (vectors, corpora), from PEBBLE_SHARED_DIR.
std::string shared_dir();
// The folder holding tests/data, from PEBBLE_TEST_DATA_DIR.
std::string test_data_dir();
// The path of the built pebble binary, from PEBBLE_BIN.
std::string pebble_binary();
// True when running in CI (CI=true): nothing may be skipped there.
bool in_ci();
// Ends this test as skipped (exit code 77) with a reason on stderr, unless in CI where it fails.
[[noreturn]] void skip_test(const std::string& reason);
// The PostgreSQL URL the test services script exported (PEBBLE_TEST_POSTGRES_URL), or skip.
std::string postgres_url_or_skip();
// The whole content of a file; throws when it cannot be read.
std::string read_file(const std::string& path);

}  // namespace pebble::test
