#pragma once
// The words of a --search text and the query each backend's full-text index takes for them, so
// SQLite FTS5 and PostgreSQL tsvector match the same items. Standard library only.
#include <string>
#include <string_view>
#include <vector>

namespace pebble::store {

// One word to find: whole, or (written `word*`) as the start of a word.
struct SearchWord {
  std::string text;  // ASCII letters lower-cased
  bool prefix = false;
};

// The words of `text`: runs of ASCII letters and digits and of non-ASCII characters; everything
// else (ASCII punctuation and space) separates them, as in the indexed documents.
std::vector<SearchWord> search_words(std::string_view text);

// An FTS5 MATCH expression requiring every word: `"word" "other"*`.
std::string fts5_query(const std::vector<SearchWord>& words);

// A to_tsquery('simple', …) text requiring every word: `'word' & 'other':*`.
std::string tsquery_text(const std::vector<SearchWord>& words);

}  // namespace pebble::store
