#include "support/test_env.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

#include <catch2/catch.hpp>

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

namespace {

pid_t database_creator = 0;
std::string private_database;

void drop_private_database() {
  if (getpid() != database_creator) return;  // a forked child must not drop its parent's database
  const std::string admin = env_or("PEBBLE_TEST_POSTGRES_ADMIN_URL", "");
  const std::string command = "psql -X -q \"" + admin + "\" -c 'DROP DATABASE IF EXISTS " + private_database +
                              " WITH (FORCE)' >/dev/null 2>&1";
  [[maybe_unused]] const int status = std::system(command.c_str());
}

}  // namespace

std::string postgres_url_or_skip() {
  const std::string url = env_or("PEBBLE_TEST_POSTGRES_URL", "");
  if (url.empty()) skip_test("PEBBLE_TEST_POSTGRES_URL is not set (run through `make test`)");
  const std::string admin = env_or("PEBBLE_TEST_POSTGRES_ADMIN_URL", "");
  if (admin.empty()) return url;
  // CTest runs test processes in parallel and the suites reset their database: each process gets a
  // database of its own, dropped when it exits.
  if (private_database.empty()) {
    private_database = "pebble_test_" + std::to_string(getpid());
    const std::string command =
        "psql -X -q \"" + admin + "\" -c 'CREATE DATABASE " + private_database + " OWNER pebble' >/dev/null";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("cannot create " + private_database);
    database_creator = getpid();
    std::atexit(drop_private_database);
  }
  return url.substr(0, url.rfind('/') + 1) + private_database;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace pebble::test
