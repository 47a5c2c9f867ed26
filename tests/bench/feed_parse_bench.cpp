// Parse throughput of pebble's feed parser and, as the floor, a bare tinyxml2 parse of the same bytes.
// Usage: pebble_feed_parse_bench FILE... ; one line per file:
//   file bytes items pebble_seconds tinyxml2_seconds   (best of 5 runs each)
#include <tinyxml2.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "feeds/parse_feed.h"

namespace {

template <typename Work>
double best_seconds(Work&& work) {
  double best = 1e9;
  for (int run = 0; run < 5; ++run) {
    const auto started = std::chrono::steady_clock::now();
    work();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::ifstream input(argv[i], std::ios::binary);
    std::stringstream buffer;
    buffer << input.rdbuf();
    const std::string body = buffer.str();
    std::size_t items = 0;
    const double pebble_seconds = best_seconds([&] {
      items = pebble::parse_feed(body, "https://example.org/feed", "application/rss+xml").items.size();
    });
    const double tinyxml_seconds = best_seconds([&] {
      tinyxml2::XMLDocument document;
      if (document.Parse(body.data(), body.size()) != tinyxml2::XML_SUCCESS) std::cerr << "tinyxml2 failed\n";
    });
    std::printf("%s %zu %zu %.6f %.6f\n", argv[i], body.size(), items, pebble_seconds, tinyxml_seconds);
  }
  return 0;
}
