#include "parse/dtd_entities.h"

namespace pebble::parse {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::size_t skip_spaces(std::string_view text, std::size_t pos) {
  while (pos < text.size() && is_space(text[pos])) ++pos;
  return pos;
}

bool is_predefined_name(std::string_view name) {
  return name == "lt" || name == "gt" || name == "amp" || name == "quot" || name == "apos";
}

// Where the declaration at `pos` ends: its '>' (or the subset's closing ']'), past any quoted
// literal that holds one.
std::size_t declaration_end(std::string_view text, std::size_t pos) {
  char quote = 0;
  for (; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>' || c == ']') {
      break;
    }
  }
  return pos;
}

}  // namespace

InternalEntities read_internal_entities(std::string_view doctype) {
  InternalEntities entities;
  const std::size_t open = doctype.find('[');
  if (open == std::string_view::npos) return entities;
  std::size_t pos = open + 1;
  while (pos < doctype.size()) {
    pos = skip_spaces(doctype, pos);
    if (doctype.compare(pos, 4, "<!--") == 0) {
      const std::size_t end = doctype.find("-->", pos + 4);
      if (end == std::string_view::npos) break;
      pos = end + 3;
      continue;
    }
    if (doctype.compare(pos, 8, "<!ENTITY") != 0) {
      pos = declaration_end(doctype, pos);  // another declaration or a PI
      if (pos >= doctype.size() || doctype[pos] == ']') break;
      ++pos;
      continue;
    }
    pos = skip_spaces(doctype, pos + 8);
    const bool parameter = pos < doctype.size() && doctype[pos] == '%';
    if (parameter) pos = skip_spaces(doctype, pos + 1);
    const std::size_t name_start = pos;
    while (pos < doctype.size() && !is_space(doctype[pos]) && doctype[pos] != '"' && doctype[pos] != '\'')
      ++pos;
    const std::string_view name = doctype.substr(name_start, pos - name_start);
    pos = skip_spaces(doctype, pos);
    if (pos >= doctype.size()) break;
    const char quote = doctype[pos];
    if (quote == '"' || quote == '\'') {
      const std::size_t end = doctype.find(quote, pos + 1);
      if (end == std::string_view::npos) break;
      if (!parameter && !name.empty() && !is_predefined_name(name)) {
        entities.emplace(std::string(name), std::string(doctype.substr(pos + 1, end - pos - 1)));
      }
      pos = end + 1;
    }
    // SYSTEM/PUBLIC (external, never read) or the rest of the declaration: skipped.
    pos = declaration_end(doctype, pos);
    if (pos < doctype.size() && doctype[pos] == '>') ++pos;
  }
  return entities;
}

}  // namespace pebble::parse
