#include "metrics/labels.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "support/ascii_text.h"
#include "support/error.h"

namespace pebble::metrics {
namespace {

// Reads one quoted, escaped value starting at text[position] == '"'; advances position past it.
std::string read_quoted_value(std::string_view text, std::size_t& position) {
  std::string value;
  ++position;  // opening quote
  while (position < text.size()) {
    char character = text[position++];
    if (character == '"') return value;
    if (character != '\\') {
      value += character;
      continue;
    }
    if (position >= text.size()) break;
    char escaped = text[position++];
    if (escaped == 'n') {
      value += '\n';
    } else if (escaped == '\\' || escaped == '"') {
      value += escaped;
    } else {
      throw support::Error("metric labels: unknown escape \\" + std::string(1, escaped) + " in " +
                           std::string(text));
    }
  }
  throw support::Error("metric labels: unterminated value in " + std::string(text));
}

bool is_name_character(char character, bool first) {
  return support::is_ascii_letter(character) || character == '_' ||
         (!first && support::is_ascii_digit(character));
}

}  // namespace

std::string escape_label_value(std::string_view value) {
  std::string escaped;
  escaped.reserve(value.size());
  for (char character : value) {
    if (character == '\\') {
      escaped += "\\\\";
    } else if (character == '"') {
      escaped += "\\\"";
    } else if (character == '\n') {
      escaped += "\\n";
    } else {
      escaped += character;
    }
  }
  return escaped;
}

std::string format_labels(const LabelPairs& labels) {
  std::string text;
  for (const auto& [name, value] : labels) {
    if (!text.empty()) text += ',';
    text += name;
    text += "=\"";
    text += escape_label_value(value);
    text += '"';
  }
  return text;
}

std::string canonical_labels(const FamilyDef& family, const LabelPairs& labels) {
  if (labels.size() != family.label_names.size()) {
    throw support::Error("metric " + std::string(family.name) + ": expected " +
                         std::to_string(family.label_names.size()) + " labels, got " +
                         std::to_string(labels.size()));
  }
  LabelPairs ordered;
  ordered.reserve(labels.size());
  for (std::string_view name : family.label_names) {
    auto found =
        std::find_if(labels.begin(), labels.end(), [&](const auto& pair) { return pair.first == name; });
    if (found == labels.end()) {
      throw support::Error("metric " + std::string(family.name) + ": label " + std::string(name) +
                           " missing");
    }
    ordered.push_back(*found);
  }
  return format_labels(ordered);
}

LabelPairs parse_labels(std::string_view text) {
  LabelPairs labels;
  std::size_t position = 0;
  while (position < text.size()) {
    std::size_t name_start = position;
    while (position < text.size() && is_name_character(text[position], position == name_start)) {
      ++position;
    }
    if (position == name_start || position + 1 >= text.size() || text[position] != '=' ||
        text[position + 1] != '"') {
      throw support::Error("metric labels: expected name=\"value\" at offset " + std::to_string(name_start) +
                           " in " + std::string(text));
    }
    std::string name(text.substr(name_start, position - name_start));
    ++position;  // '='
    labels.emplace_back(std::move(name), read_quoted_value(text, position));
    if (position < text.size()) {
      if (text[position] != ',') {
        throw support::Error("metric labels: expected ',' at offset " + std::to_string(position) + " in " +
                             std::string(text));
      }
      ++position;
    }
  }
  return labels;
}

std::string bucket_bound_text(double upper_bound) {
  if (std::isinf(upper_bound)) return upper_bound > 0 ? "+Inf" : "-Inf";
  char buffer[32];
  auto result = std::to_chars(buffer, buffer + sizeof(buffer), upper_bound);
  return std::string(buffer, result.ptr);
}

std::optional<double> parse_bucket_bound(std::string_view text) {
  if (text == "+Inf" || text == "Inf") return std::numeric_limits<double>::infinity();
  if (text == "-Inf") return -std::numeric_limits<double>::infinity();
  double value = 0;
  auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size() || std::isnan(value)) {
    return std::nullopt;
  }
  return value;
}

}  // namespace pebble::metrics
