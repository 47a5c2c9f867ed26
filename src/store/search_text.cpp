#include "store/search_text.h"

#include "support/ascii_text.h"

namespace pebble::store {

namespace {

// Word characters as both indexes see them: ASCII letters and digits, and every byte of a
// non-ASCII character (the PostgreSQL side treats those as letters in every locale).
bool is_word_byte(char byte) {
  const auto value = static_cast<unsigned char>(byte);
  return value >= 0x80 || support::is_ascii_alphanumeric(byte);
}

}  // namespace

std::vector<SearchWord> search_words(std::string_view text) {
  std::vector<SearchWord> words;
  std::size_t position = 0;
  while (position < text.size()) {
    if (!is_word_byte(text[position])) {
      ++position;
      continue;
    }
    const std::size_t start = position;
    while (position < text.size() && is_word_byte(text[position])) ++position;
    SearchWord word{support::ascii_lower(text.substr(start, position - start)), false};
    if (position < text.size() && text[position] == '*') word.prefix = true;
    words.push_back(std::move(word));
  }
  return words;
}

std::string fts5_query(const std::vector<SearchWord>& words) {
  std::string query;
  for (const SearchWord& word : words) {
    if (!query.empty()) query += ' ';
    // Words hold no quote (it separates words), so quoting makes any of them a plain string.
    query += '"' + word.text + '"';
    if (word.prefix) query += '*';
  }
  return query;
}

std::string tsquery_text(const std::vector<SearchWord>& words) {
  std::string query;
  for (const SearchWord& word : words) {
    if (!query.empty()) query += " & ";
    query += '\'' + word.text + '\'';
    if (word.prefix) query += ":*";
  }
  return query;
}

}  // namespace pebble::store
