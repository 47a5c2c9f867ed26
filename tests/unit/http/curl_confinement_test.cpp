// DESIGN "Dependency ladder": only src/http/curl_* and src/http/push_client* may include curl, so
// driver types never leak into shared headers.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

TEST_CASE("curl headers are included only by the curl and push client files", "[http]") {
  const char* source_dir = std::getenv("PEBBLE_SOURCE_DIR");
  const std::filesystem::path root = source_dir != nullptr ? source_dir : ".";
  const std::filesystem::path sources = root / "src";
  if (!std::filesystem::exists(sources)) {
    WARN("PEBBLE_SOURCE_DIR is not set; run through ctest");
    return;
  }
  std::size_t scanned = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(sources)) {
    if (!entry.is_regular_file()) continue;
    const std::string relative = std::filesystem::relative(entry.path(), root).generic_string();
    const std::string name = entry.path().filename().string();
    const bool allowed = relative.rfind("src/http/", 0) == 0 &&
                         (name.rfind("curl_", 0) == 0 || name.rfind("push_client", 0) == 0) &&
                         entry.path().extension() == ".cpp";
    std::ifstream in(entry.path());
    std::string line;
    ++scanned;
    while (std::getline(in, line)) {
      if (line.find("#include") != std::string::npos && line.find("curl/") != std::string::npos) {
        INFO(relative << ": " << line);
        CHECK(allowed);
      }
    }
  }
  CHECK(scanned > 10);
}
