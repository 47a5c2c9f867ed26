#include "support/test_env.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

namespace pebble::test {

namespace {

std::string env_or(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::string(value) : fallback;
}

}  // namespace

std::string shared_dir() {
  return env_or("PEBBLE_SHARED_DIR", "../shared");
}

std::string test_data_dir() {
  return env_or("PEBBLE_TEST_DATA_DIR", "tests/data");
}

std::string pebble_binary() {
  return env_or("PEBBLE_BIN", "pebble");
}

bool in_ci() {
  return env_or("CI", "") == "true";
}

void skip_test(const std::string& reason) {
  if (in_ci()) {
    FAIL("not skipped in CI: " << reason);
    throw std::logic_error("unreachable");  // FAIL throws; this tells the compiler so
  }
  std::cerr << "SKIPPED: " << reason << "\n";
  std::_Exit(77);
}

std::string postgres_url_or_skip() {
  const std::string url = env_or("PEBBLE_TEST_POSTGRES_URL", "");
  if (url.empty()) skip_test("PEBBLE_TEST_POSTGRES_URL is not set (run through `make test`)");
  return url;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace pebble::test
