#include "support/ascii_text.h"

#include <cstddef>

namespace pebble::support {

std::string ascii_lower(std::string_view text) {
  std::string result(text);
  for (char& c : result) c = ascii_lower(c);
  return result;
}

bool equals_ignoring_ascii_case(std::string_view left, std::string_view right) {
  return left.size() == right.size() && starts_with_ignoring_ascii_case(left, right);
}

bool starts_with_ignoring_ascii_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (ascii_lower(text[i]) != ascii_lower(prefix[i])) return false;
  }
  return true;
}

bool is_label_name(std::string_view name) {
  const auto is_start = [](char letter) {
    return (letter >= 'a' && letter <= 'z') || (letter >= 'A' && letter <= 'Z') || letter == '_';
  };
  if (name.empty() || !is_start(name.front())) return false;
  for (const char letter : name.substr(1)) {
    if (!is_start(letter) && !(letter >= '0' && letter <= '9')) return false;
  }
  return true;
}

}  // namespace pebble::support
