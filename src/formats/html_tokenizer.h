#pragma once
// A small tolerant HTML tokenizer over a stream, for Netscape bookmark files: it reads in chunks,
// never holds more than one chunk plus the current tag, and turns over-long or unterminated tags
// into tokens of their own instead of failing. Hand-written because bookmark exports are not
// well-formed and libxml2's HTML parser would build the whole tree.
#include <cstddef>
#include <istream>
#include <string>
#include <vector>

#include "formats/utf8_input.h"

namespace pebble::formats {

// What a token is.
enum class HtmlTokenKind {
  kText,       // raw text, entities not decoded (a run may be split anywhere)
  kStartTag,   // <NAME attr=value ...>
  kEndTag,     // </NAME>
  kMarkup,     // <!DOCTYPE ...>, <!-- ... -->, <? ... ?>
  kOversized,  // a tag longer than the limit, skipped up to its '>'
  kTruncated,  // a tag or comment cut off by the end of the input
};

// One attribute of a start tag.
struct HtmlAttribute {
  std::string name;   // lower-case
  std::string value;  // entities decoded; empty for a bare attribute such as FOLDED
};

// One token and where it starts.
struct HtmlToken {
  HtmlTokenKind kind = HtmlTokenKind::kText;
  std::string name;                       // upper-case tag name for start and end tags
  std::vector<HtmlAttribute> attributes;  // start tags only, in source order
  std::string raw;                        // the source text (empty for kOversized)
  InputPosition position;
  // The value of attribute `lower_case_name`, or nullptr.
  const std::string* attribute(std::string_view lower_case_name) const;
};

// Splits a stream into HtmlTokens.
class HtmlTokenizer {
 public:
  HtmlTokenizer(std::istream& in, std::size_t chunk_bytes, std::size_t max_tag_bytes);
  // The next token; false at the end of the input.
  bool next(HtmlToken& token);
  // Bytes of input consumed so far.
  std::uint64_t bytes_consumed() const { return base_offset_ + pos_; }
  // Where the next token starts.
  InputPosition position() const { return InputPosition{line_, base_offset_ + pos_}; }

 private:
  bool fill();
  void advance(std::size_t count);
  void read_text(HtmlToken& token);
  void read_markup(HtmlToken& token);
  std::size_t find_markup_end(std::size_t from, bool comment);

  std::istream& in_;
  std::size_t chunk_bytes_;
  std::size_t max_tag_bytes_;
  std::string buffer_;
  std::size_t pos_ = 0;
  std::uint64_t base_offset_ = 0;  // input offset of buffer_[0]
  std::uint64_t line_ = 1;
  bool at_end_ = false;
  char quote_ = 0;             // the open quote while scanning a tag, or 0
  bool after_equals_ = false;  // a quote here opens a value
};

// Fills name and attributes of a start or end tag from its source `raw` ("<A HREF=...>").
void parse_tag(std::string_view raw, HtmlToken& token);

}  // namespace pebble::formats
