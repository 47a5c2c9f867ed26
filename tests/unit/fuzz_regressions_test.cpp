// Replays every input a fuzzer once crashed on (tests/data/fuzz-regressions/<target>/) through the
// target's own entry function, so the fixes are checked in the ordinary ASan+UBSan build as well.
#include <filesystem>
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "fuzz/fuzz_entries.h"
#include "support/test_env.h"

namespace {

namespace fs = std::filesystem;

fs::path regressions_dir() {
  return fs::path(pebble::test::test_data_dir()) / "fuzz-regressions";
}

}  // namespace

TEST_CASE("every saved fuzz finding runs cleanly through its target", "[fuzz]") {
  for (const pebble::fuzz::Target& target : pebble::fuzz::kTargets) {
    const fs::path folder = regressions_dir() / target.name;
    if (!fs::is_directory(folder)) continue;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
      if (!entry.is_regular_file()) continue;
      INFO("target " << target.name << ", input " << entry.path().string());
      const std::string input = pebble::test::read_file(entry.path().string());
      CHECK_NOTHROW(target.run(input));
    }
  }
}

TEST_CASE("the regression folders are named after fuzz targets", "[fuzz]") {
  std::set<std::string> names;
  for (const pebble::fuzz::Target& target : pebble::fuzz::kTargets) names.emplace(target.name);
  REQUIRE(fs::is_directory(regressions_dir()));
  std::size_t inputs = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(regressions_dir())) {
    if (!entry.is_directory()) continue;
    INFO("folder " << entry.path().string());
    CHECK(names.count(entry.path().filename().string()) == 1);
    for (const fs::directory_entry& file : fs::directory_iterator(entry.path()))
      inputs += file.is_regular_file();
  }
  CHECK(inputs > 0);
}

TEST_CASE("the fuzz entries reject nothing a test file holds", "[fuzz]") {
  // The seeds of `make fuzz` are the test files: each must pass its entry, or fuzzing starts broken.
  const fs::path data(pebble::test::test_data_dir());
  for (const pebble::fuzz::Target& target : pebble::fuzz::kTargets) {
    const bool feed = target.name.substr(0, 5) == "feed_";
    const fs::path seeds = data / (feed ? "feeds" : "formats");
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(seeds)) {
      if (!entry.is_regular_file()) continue;
      INFO("target " << target.name << ", seed " << entry.path().string());
      CHECK_NOTHROW(target.run(pebble::test::read_file(entry.path().string())));
    }
  }
}

TEST_CASE("a JSON feed holding a number beyond a double is a feed parse error", "[fuzz]") {
  // Found by feed_json: nlohmann's out_of_range escaped parse_feed instead of a FeedParseError.
  const std::string body = R"({"version": "https://jsonfeed.org/version/1.1", "items": [], "n": 1e400})";
  REQUIRE_THROWS_AS(pebble::parse::parse_feed(body, "https://example.org/feed.json", "application/feed+json"),
                    pebble::parse::FeedParseError);
}
