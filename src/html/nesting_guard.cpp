#include "html/nesting_guard.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <string>
#include <vector>

#include "support/ascii_text.h"

namespace pebble::html {

namespace {

bool is_tag_name_end(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>';
}

// Elements that never hold others (void), or that the next of their kind closes: counting them
// would call ordinary content deep.
bool opens_no_level(std::string_view name) {
  static constexpr std::array<std::string_view, 30> kNames{
      "area", "base",  "br",     "col",   "embed", "hr",    "img",      "input", "keygen", "link",
      "meta", "param", "source", "track", "wbr",   "p",     "li",       "dt",    "dd",     "option",
      "tr",   "td",    "th",     "tbody", "thead", "tfoot", "optgroup", "rb",    "rt",     "rp"};
  return std::find(kNames.begin(), kNames.end(), name) != kNames.end();
}

// Elements whose content is text up to their end tag, which the scan skips as gumbo would.
bool holds_raw_text(std::string_view name) {
  static constexpr std::array<std::string_view, 9> kNames{"script", "style",   "textarea", "title",    "xmp",
                                                          "iframe", "noembed", "noframes", "plaintext"};
  return std::find(kNames.begin(), kNames.end(), name) != kNames.end();
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// The '>' ending the tag whose name ends at `pos`, read as HTML's tokenizer reads attributes (a
// quote opens a value only right after `=`, so `<x '>` ends at its '>'); npos when it never ends.
std::size_t tag_end(std::string_view markup, std::size_t pos) {
  enum class State {
    kBeforeName,
    kName,
    kAfterName,
    kBeforeValue,
    kUnquotedValue
  } state = State::kBeforeName;
  for (; pos < markup.size(); ++pos) {
    const char c = markup[pos];
    if (c == '>' && state != State::kBeforeValue) return pos;
    switch (state) {
      case State::kBeforeName:
        if (!is_space(c) && c != '/') state = State::kName;
        break;
      case State::kName:
      case State::kAfterName:
        if (c == '=') {
          state = State::kBeforeValue;
        } else if (c == '/') {
          state = State::kBeforeName;
        } else if (is_space(c)) {
          state = State::kAfterName;
        } else {
          state = State::kName;
        }
        break;
      case State::kBeforeValue:
        if (c == '>') return pos;
        if (c == '"' || c == '\'') {
          pos = markup.find(c, pos + 1);
          if (pos == std::string_view::npos) return pos;
          state = State::kBeforeName;
        } else if (!is_space(c)) {
          state = State::kUnquotedValue;
        }
        break;
      case State::kUnquotedValue:
        if (is_space(c)) state = State::kBeforeName;
        break;
    }
  }
  return std::string_view::npos;
}

bool is_foreign_root(std::string_view name) {
  return name == "svg" || name == "math";
}

// Where `</name` next starts at or after `from`, in any case; npos when it does not.
std::size_t find_end_tag(std::string_view markup, std::string_view name, std::size_t from) {
  while ((from = markup.find("</", from)) != std::string_view::npos) {
    if (support::equals_ignoring_ascii_case(markup.substr(from + 2, name.size()), name)) return from;
    from += 2;
  }
  return std::string_view::npos;
}

// Reads markup as HTML's tokenizer splits it, keeping the stack of elements the tree would hold
// open (by the estimate of nesting_exceeded_at). `on_text(text, raw_of)` gets each run of text
// (`raw_of` names the element when it is the raw text of <script>, <textarea>…); `on_open(start)`
// is called after each element is opened, and the scan stops when it returns false.
class MarkupScan {
 public:
  explicit MarkupScan(std::string_view markup) : markup_(markup) {}

  template <typename OnText, typename OnOpen>
  void run(OnText on_text, OnOpen on_open) {
    std::size_t pos = 0;
    while (pos < markup_.size()) {
      const std::size_t start = markup_.find('<', pos);
      on_text(markup_.substr(pos, std::min(start, markup_.size()) - pos), std::string_view());
      if (start == std::string_view::npos) return;
      pos = start;
      if (markup_.substr(pos, 4) == "<!--") {
        const std::size_t end = markup_.find("-->", pos + 4);
        if (end == std::string_view::npos) return;
        pos = end + 3;
        continue;
      }
      const bool closing = markup_.substr(pos, 2) == "</";
      const std::size_t name_start = pos + (closing ? 2 : 1);
      if (name_start >= markup_.size()) return;
      if (!support::is_ascii_letter(markup_[name_start])) {
        // Text ('<' then a space), or a bogus comment (`<!…>`, `<?…>`, `</ …>`) up to the next '>'.
        if (!closing && markup_[name_start] != '!' && markup_[name_start] != '?') {
          on_text(markup_.substr(pos, 1), std::string_view());
          pos = name_start;
          continue;
        }
        pos = markup_.find('>', name_start);
        if (pos == std::string_view::npos) return;
        ++pos;
        continue;
      }
      std::size_t name_end = name_start;
      while (name_end < markup_.size() && !is_tag_name_end(markup_[name_end])) ++name_end;
      const std::string name = support::ascii_lower(markup_.substr(name_start, name_end - name_start));
      const std::size_t end = tag_end(markup_, name_end);
      if (end == std::string_view::npos) return;
      pos = end + 1;
      if (closing) {
        close(name);
        continue;
      }
      if (foreign_ == 0 && holds_raw_text(name)) {
        const std::size_t close_tag = find_end_tag(markup_, name, pos);
        on_text(markup_.substr(pos, std::min(close_tag, markup_.size()) - pos), name);
        if (close_tag == std::string_view::npos) return;
        pos = close_tag;
        continue;
      }
      // HTML ignores `/>` on its own elements (`<div/>` opens a div); only SVG and MathML close there.
      if ((foreign_ > 0 && markup_[end - 1] == '/') || opens_no_level(name)) continue;
      open_.push_back(name);
      if (is_foreign_root(name)) ++foreign_;
      if (!on_open(start)) return;
    }
  }

  // How many elements are open.
  std::size_t depth() const { return open_.size(); }

 private:
  // An end tag closes the innermost open element of its name and those inside it, or nothing.
  void close(const std::string& name) {
    const auto match = std::find(open_.rbegin(), open_.rend(), name);
    if (match == open_.rend()) return;
    open_.erase(std::prev(match.base()), open_.end());
    foreign_ = static_cast<std::size_t>(std::count_if(open_.begin(), open_.end(), is_foreign_root));
  }

  std::string_view markup_;
  std::vector<std::string> open_;
  std::size_t foreign_ = 0;  // open svg and math elements
};

}  // namespace

std::size_t nesting_exceeded_at(std::string_view markup, std::size_t limit) {
  MarkupScan scan(markup);
  std::size_t exceeded = std::string_view::npos;
  scan.run([](std::string_view, std::string_view) {},
           [&](std::size_t start) {
             if (scan.depth() <= limit) return true;
             exceeded = start;
             return false;
           });
  return exceeded;
}

std::string text_without_tags(std::string_view markup) {
  std::string text;
  MarkupScan(markup).run(
      [&text](std::string_view run, std::string_view raw_of) {
        if (raw_of == "script" || raw_of == "style") return;
        for (const char c : run) {
          if (c == '<') {
            text += "&lt;";
          } else if (c == '>') {
            text += "&gt;";
          } else {
            text += c;
          }
        }
      },
      [](std::size_t) { return true; });
  return text;
}

}  // namespace pebble::html
