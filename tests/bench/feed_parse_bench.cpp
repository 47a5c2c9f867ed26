// Parse throughput of pebble's feed parser against the floor under it: a bare parse of the same
// bytes by the library pebble builds on (tinyxml2 for XML, nlohmann::json for JSON Feed).
// The floor parse never reads a value; tinyxml2 decodes text lazily (entities, line ends) when it
// is read, which any real parser must do, so a second floor also reads every text node once.
// The sanitizing step the poller runs on the items it keeps (parse/sanitize_items.h) is timed on
// its own, so parsing is measured alone and the sanitizer's cost is reported beside it.
// Usage: pebble_feed_parse_bench [--runs N] [--only pebble|floor] FILE...
// One line per file: `file bytes items pebble_s floor_s floor_with_values_s floor_name sanitize_s`,
// each time the median of N back-to-back runs (default 3) after one untimed run: each parser is
// timed in the steady state of its own allocations, not in the heap the previous parser left behind.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include <tinyxml2.h>

#include "parse/parse_feed.h"
#include "parse/sanitize_items.h"

namespace {

template <typename Work>
double seconds_of(Work&& work) {
  const auto started = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

bool is_json(const std::string& path) {
  return path.size() >= 5 && path.compare(path.size() - 5, 5, ".json") == 0;
}

// The total length of every text node under `node`, read the way pebble reads them.
std::size_t read_texts(const tinyxml2::XMLNode& node) {
  std::size_t length = 0;
  for (const tinyxml2::XMLNode* child = node.FirstChild(); child != nullptr; child = child->NextSibling()) {
    if (const tinyxml2::XMLText* text = child->ToText()) length += std::string_view(text->Value()).size();
    length += read_texts(*child);
  }
  return length;
}

// The bare parse pebble's parser cannot be faster than; with `read_values`, every text read once.
std::size_t floor_parse(const std::string& body, bool json, bool read_values) {
  if (json) {
    const nlohmann::json document = nlohmann::json::parse(body, nullptr, false);
    if (document.is_discarded()) std::cerr << "json parse failed\n";
    return document.size();  // nlohmann decodes every value while parsing
  }
  tinyxml2::XMLDocument document(true, tinyxml2::PRESERVE_WHITESPACE);
  if (document.Parse(body.data(), body.size()) != tinyxml2::XML_SUCCESS) std::cerr << "tinyxml2 failed\n";
  return read_values ? read_texts(document) : 0;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 3;
  std::string only;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if (argument == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::stoi(argv[++i]));
    } else if (argument == "--only" && i + 1 < argc) {
      only = argv[++i];
    } else {
      files.push_back(argument);
    }
  }
  for (const std::string& path : files) {
    std::ifstream input(path, std::ios::binary);
    std::stringstream buffer;
    buffer << input.rdbuf();
    const std::string body = buffer.str();
    const bool json = is_json(path);
    const std::string content_type = json ? "application/feed+json" : "application/rss+xml";
    std::size_t items = 0;
    std::vector<double> pebble_times;
    std::vector<double> floor_times;
    std::vector<double> floor_values_times;
    const auto time_runs = [runs](std::vector<double>& times, const auto& work) {
      work();  // warm-up
      for (int run = 0; run < runs; ++run) times.push_back(seconds_of(work));
    };
    std::vector<double> sanitize_times;
    if (only != "floor") {
      time_runs(pebble_times, [&] {
        items = pebble::parse::parse_feed(body, "https://example.org/feed", content_type).items.size();
      });
      // Each run sanitizes a fresh copy of the parsed feed; the copy is not timed.
      const pebble::parse::ParsedFeed parsed =
          pebble::parse::parse_feed(body, "https://example.org/feed", content_type);
      for (int run = 0; run <= runs; ++run) {
        pebble::parse::ParsedFeed copy = parsed;
        const double seconds = seconds_of([&] { pebble::parse::sanitize_items(copy); });
        if (run > 0) sanitize_times.push_back(seconds);  // the first is the warm-up
      }
    }
    if (only != "pebble") {
      time_runs(floor_times, [&] { floor_parse(body, json, false); });
      time_runs(floor_values_times, [&] { floor_parse(body, json, true); });
    }
    std::printf("%s %zu %zu %.6f %.6f %.6f %s %.6f\n", path.c_str(), body.size(), items, median(pebble_times),
                median(floor_times), median(floor_values_times), json ? "nlohmann-json" : "tinyxml2",
                median(sanitize_times));
  }
  return 0;
}
