#pragma once
// gumbo's tree builder takes time quadratic in the depth of the tree (every start tag looks through
// the stack of open elements): 40 000 nested <div> take 3 s, a 1 MiB content of them over a minute.
// Feed content is hostile input, so its depth is estimated with a cheap scan before gumbo sees it.
#include <cstddef>
#include <string>
#include <string_view>

namespace pebble::html {

// The deepest nesting markup may reach before it is not parsed as a tree: real content stays far
// below it (a few dozen), and the estimate counts no p, li, td… which gumbo may nest a few deep.
inline constexpr std::size_t kMaxNestingEstimate = 256;

// Where `markup` first nests more than `limit` elements deep, by an estimate that never counts
// fewer open elements than there are (end tags close only an open element of their name; void,
// self-closed and implicitly closed elements are not counted); npos when it never does.
std::size_t nesting_exceeded_at(std::string_view markup, std::size_t limit = kMaxNestingEstimate);

// The text of `markup` without its tags, comments and the content of <script> and <style>, read
// by the same scan: what is left of markup too deep to parse (references stay as written).
std::string text_without_tags(std::string_view markup);

}  // namespace pebble::html
