#include "formats/tag_list.h"

#include <algorithm>

namespace pebble::formats {

std::string_view trim_whitespace(std::string_view text) {
  static constexpr std::string_view kSpace = " \t\r\n\f\v";
  const std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

std::string join_tag_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out.push_back(',');
    for (std::size_t i = 0; i < name.size(); ++i) {
      if (name[i] == '%') {
        out += "%25";
      } else if (name[i] == ',') {
        out += "%2C";
      } else if (name[i] == '/' && i == 0) {
        out += "%2F";  // a leading slash would read back as an OPML category path
      } else {
        out.push_back(name[i]);
      }
    }
  }
  return out;
}

std::vector<std::string> split_tag_list(std::string_view text, bool slash_paths) {
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    std::string_view piece = trim_whitespace(text.substr(start, comma - start));
    if (slash_paths && !piece.empty() && piece.front() == '/') {
      const std::size_t first = piece.find_first_not_of('/');
      piece = first == std::string_view::npos ? std::string_view() : piece.substr(first);
      while (!piece.empty() && piece.back() == '/') piece.remove_suffix(1);
    }
    std::string name;
    for (std::size_t i = 0; i < piece.size(); ++i) {
      if (piece[i] == '%' && i + 2 < piece.size() && piece[i + 1] == '2') {
        const char code = static_cast<char>(piece[i + 2] | 0x20);
        const char decoded = code == '5' ? '%' : code == 'c' ? ',' : code == 'f' ? '/' : '\0';
        if (decoded != '\0') {
          name.push_back(decoded);
          i += 2;
          continue;
        }
      }
      name.push_back(piece[i]);
    }
    add_tag(names, std::move(name));
    start = comma + 1;
  }
  return names;
}

void add_tag(std::vector<std::string>& tags, std::string name) {
  if (name.empty() || std::find(tags.begin(), tags.end(), name) != tags.end()) return;
  tags.push_back(std::move(name));
}

}  // namespace pebble::formats
