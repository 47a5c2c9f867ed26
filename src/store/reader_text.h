#pragma once
// The text a reader sees of a stored item value, which is what the full-text index holds: HTML
// with its tags dropped and its references decoded, plain text as it is. SQLite calls this as the
// SQL function pebble_reader_text(value, type) (sqlite_functions.h); PostgreSQL has the same
// function written in SQL (postgres_schema.cpp), and the two agree on every input (contract tests).
// Exact for what the sanitizer writes; a rule for anything else too, applied in three passes as
// PostgreSQL's regular expressions do:
//   1. a tag of an inline element (a, b, code, em, span, …: kInlineElements) goes, so a word
//      split by one stays a word: `<b>bold</b>er` reads "bolder";
//   2. every other tag (a '<' followed by a letter, '/', '!' or '?', up to the next '>') becomes
//      a space, so `<p>a</p><p>b</p>` reads "a b"; a no-break space (U+00A0) becomes a space;
//   3. `&amp; &lt; &gt; &quot; &apos;` and numeric references (up to 7 decimal or 6 hex digits)
//      are decoded (no code point, NUL or a surrogate: U+FFFD; U+00A0: a space), `&nbsp;` and any
//      other named reference (HTML's others appear only in rows stored before sanitizing) become a
//      space.
// Standard library only.
#include <string>
#include <string_view>

namespace pebble::store {

// The text of `html` as a reader sees it (the rule above).
std::string html_reader_text(std::string_view html);

// `value` as a reader sees it: html_reader_text when `type` is "html", else `value` itself.
std::string reader_text(std::string_view value, std::string_view type);

}  // namespace pebble::store
