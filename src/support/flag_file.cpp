#include "support/flag_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/error.h"

namespace pebble::support {

std::string read_flag_file(const std::string& path, std::string_view flag) {
  const auto failure = [&] {
    return UsageError(std::string(flag) + " " + path + ": cannot read: " + std::strerror(errno));
  };
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    throw UsageError(std::string(flag) + " " + path + ": cannot read: Is a directory");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw failure();
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw failure();
  return content.str();
}

}  // namespace pebble::support
