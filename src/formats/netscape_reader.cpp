// Netscape bookmark HTML → ParsedBookmark, one token at a time (SPEC §4).
//
// Structure, as browsers and bookmark services write it: `<DT><A ...>title</A>` starts an item, an
// optional `<DD>` holds its description up to the next structural tag (DT, DD, DL, H3, HR, ...);
// other markup inside a description (Shaarli's thumbnails, pasted HTML) is kept verbatim, as the
// Shaarli parser does. `<DT><H3>name</H3>` names the folder whose `<DL>` follows.
#include <algorithm>
#include <charconv>

#include "domain/url.h"
#include "formats/bookmark_readers.h"
#include "formats/html_tokenizer.h"
#include "formats/tag_list.h"
#include "formats/utf8_input.h"
#include "support/html_entities.h"
#include "support/utf8.h"

namespace pebble::formats {

namespace {

// Where text currently goes.
enum class Mode { kNone, kTitle, kAfterTitle, kDescription, kFolderName, kAfterFolder };

bool is_structural(const std::string& name) {
  return name == "DT" || name == "DD" || name == "DL" || name == "H1" || name == "H3" || name == "HR" ||
         name == "BODY" || name == "HTML" || name == "TITLE";
}

bool is_true_flag(const std::string* value) {
  if (value == nullptr) return false;
  const std::string_view text = trim_whitespace(*value);
  return text == "1" || text == "true" || text == "TRUE" || text == "yes" || text == "YES";
}

// ADD_DATE / LAST_MODIFIED: epoch seconds, milliseconds or microseconds judged by magnitude, or ISO
// 8601; zero, negative and unreadable values count as missing.
std::optional<support::Timestamp> parse_netscape_date(const std::string* value) {
  if (value == nullptr) return std::nullopt;
  const std::string_view text = trim_whitespace(*value);
  std::int64_t number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error == std::errc() && end == text.data() + text.size()) {
    if (number <= 0) return std::nullopt;
    if (number < 100'000'000'000) return support::Timestamp::from_seconds(number);
    if (number < 100'000'000'000'000) return support::Timestamp{number * 1000};
    if (number < 100'000'000'000'000'000) return support::Timestamp{number};
    return std::nullopt;
  }
  return support::parse_iso8601(text);
}

// Where the first non-blank byte of a text token is. A text token ends where a read chunk ends, so
// its start depends on the chunk size; its first non-blank byte does not.
InputPosition first_content_position(const HtmlToken& token, std::string_view content) {
  const auto skipped = static_cast<std::size_t>(content.data() - token.raw.data());
  const auto newlines =
      std::count(token.raw.begin(), token.raw.begin() + static_cast<std::ptrdiff_t>(skipped), '\n');
  return InputPosition{token.position.line + static_cast<std::uint64_t>(newlines),
                       token.position.byte + skipped};
}

class NetscapeReader {
 public:
  NetscapeReader(std::istream& in, const ReaderOptions& options, BookmarkSink& sink)
      : options_(options), sink_(sink), tokenizer_(in, options.chunk_bytes, options.max_token_bytes) {}

  void run() {
    HtmlToken token;
    bool started = false;
    std::uint64_t next_progress = options_.chunk_bytes;
    while (tokenizer_.next(token)) {
      if (!started) {
        const std::string_view text = trim_whitespace(token.raw);
        if (token.kind == HtmlTokenKind::kText && (text.empty() || text == "\xEF\xBB\xBF")) continue;
        if (token.kind == HtmlTokenKind::kText) {
          throw FormatError(describe_position(first_content_position(token, text)) +
                            ": not a Netscape bookmark file: expected <!DOCTYPE NETSCAPE-Bookmark-file-1>");
        }
        started = true;
      }
      handle(token);
      if (tokenizer_.bytes_consumed() >= next_progress) {
        sink_.on_progress(tokenizer_.bytes_consumed());
        next_progress = tokenizer_.bytes_consumed() + options_.chunk_bytes;
      }
    }
    if (mode_ == Mode::kTitle) fail_item("end of input inside <A>: the file is truncated");
    finish_item();
    sink_.on_progress(tokenizer_.bytes_consumed());
    if (!started)
      throw FormatError("line 1, byte 0: empty input: expected <!DOCTYPE NETSCAPE-Bookmark-file-1>");
    if (!saw_list_) {
      throw FormatError(describe_position(tokenizer_.position()) +
                        ": not a Netscape bookmark file: no <DL>, <DT> or <A> found");
    }
  }

 private:
  void handle(const HtmlToken& token) {
    switch (token.kind) {
      case HtmlTokenKind::kText:
        return append_text(token.raw);
      case HtmlTokenKind::kStartTag:
        return on_start_tag(token);
      case HtmlTokenKind::kEndTag:
        return on_end_tag(token);
      case HtmlTokenKind::kMarkup:
        return;
      case HtmlTokenKind::kOversized:
        if (token.name == "A" && mode_ != Mode::kDescription) {
          finish_item();
          open_item(token);
          fail_item("<A> tag longer than " + std::to_string(options_.max_token_bytes) + " bytes");
        }
        return;
      case HtmlTokenKind::kTruncated:
        if (mode_ != Mode::kDescription && (token.raw.size() < 3 || (token.raw[1] | 0x20) == 'a')) {
          finish_item();
          open_item(token);
        }
        if (item_open_) fail_item("end of input inside a tag: the file is truncated");
        return;
    }
  }

  void on_start_tag(const HtmlToken& token) {
    if (mode_ == Mode::kDescription && !is_structural(token.name)) {
      append_text(token.raw);  // markup inside a description is kept as written
      return;
    }
    if (token.name == "A") {
      finish_item();
      open_item(token);
    } else if (token.name == "DD") {
      mode_ = mode_ == Mode::kAfterTitle ? Mode::kDescription : Mode::kNone;
    } else if (token.name == "H3") {
      finish_item();
      raw_folder_.clear();
      mode_ = Mode::kFolderName;
    } else if (token.name == "DL") {
      finish_item();
      saw_list_ = true;
      folders_.push_back(std::move(pending_folder_));
      pending_folder_.reset();
    } else if (is_structural(token.name)) {
      if (token.name == "DT") saw_list_ = true;
      finish_item();
    }
  }

  void on_end_tag(const HtmlToken& token) {
    if (mode_ == Mode::kDescription) {
      if (!is_structural(token.name)) {
        append_text(token.raw);
        return;
      }
      finish_item();  // a structural end tag closes the description
    }
    if (token.name == "A" && mode_ == Mode::kTitle) {
      mode_ = Mode::kAfterTitle;
    } else if (token.name == "H3" && mode_ == Mode::kFolderName) {
      pending_folder_ =
          support::decode_html_references(trim_whitespace(raw_folder_), support::HtmlReferenceContext::text);
      mode_ = Mode::kAfterFolder;
    } else if (token.name == "DL") {
      finish_item();
      if (!folders_.empty()) folders_.pop_back();
    }
  }

  void append_text(std::string_view raw) {
    std::string* target = mode_ == Mode::kTitle         ? &raw_title_
                          : mode_ == Mode::kDescription ? &raw_description_
                          : mode_ == Mode::kFolderName  ? &raw_folder_
                                                        : nullptr;
    if (target == nullptr) return;
    if (target->size() + raw.size() > options_.max_token_bytes) {
      if (mode_ != Mode::kFolderName && !item_failed_) {
        fail_item(std::string(mode_ == Mode::kTitle ? "title" : "description") + " longer than " +
                  std::to_string(options_.max_token_bytes) + " bytes");
      }
      return;
    }
    target->append(raw);
  }

  void open_item(const HtmlToken& token) {
    saw_list_ = true;
    item_open_ = true;
    item_failed_ = false;
    item_ = ParsedBookmark{};
    item_.index = next_index_++;
    item_line_ = token.position.line;
    raw_title_.clear();
    raw_description_.clear();
    mode_ = Mode::kTitle;
    domain::BookmarkInput& bookmark = item_.bookmark;
    if (const std::string* href = token.attribute("href")) bookmark.url = std::string(trim_whitespace(*href));
    bookmark.created_at = parse_netscape_date(token.attribute("add_date"));
    bookmark.updated_at = parse_netscape_date(token.attribute("last_modified"));
    const std::string* feed = token.attribute("feed");
    if (feed == nullptr) feed = token.attribute("feedurl");
    if (feed != nullptr && !trim_whitespace(*feed).empty())
      bookmark.feed_url = std::string(trim_whitespace(*feed));
    if (const std::string* tags = token.attribute("tags")) bookmark.tags = split_tag_list(*tags);
    // SemanticScuttle writes the description as an attribute of <A>.
    if (const std::string* description = token.attribute("description")) {
      bookmark.description = std::string(trim_whitespace(*description));
    }
    bookmark.is_private = is_true_flag(token.attribute("private"));
    bookmark.to_read = is_true_flag(token.attribute("toread"));
    for (const auto& folder : folders_) {
      if (folder && !folder->empty()) item_.folder_path.push_back(*folder);
    }
    if (options_.folder_tags) {
      for (const std::string& folder : item_.folder_path) add_tag(bookmark.tags, folder);
    }
  }

  void fail_item(const std::string& error) {
    if (!item_open_ || item_failed_) return;
    item_failed_ = true;
    ItemFailure failure;
    failure.index = item_.index;
    failure.error = "line " + std::to_string(item_line_) + ": " + error;
    failure.url = support::replace_invalid_utf8(item_.bookmark.url);
    failure.title = support::replace_invalid_utf8(
        support::decode_html_references(trim_whitespace(raw_title_), support::HtmlReferenceContext::text));
    sink_.on_failure(std::move(failure));
  }

  void finish_item() {
    if (mode_ == Mode::kTitle || mode_ == Mode::kAfterTitle || mode_ == Mode::kDescription ||
        mode_ == Mode::kAfterFolder) {
      mode_ = Mode::kNone;
    }
    if (!item_open_) return;
    if (item_.bookmark.url.empty()) fail_item("<A> without HREF");
    item_open_ = false;
    if (item_failed_) return;
    domain::BookmarkInput& bookmark = item_.bookmark;
    bookmark.title =
        support::decode_html_references(trim_whitespace(raw_title_), support::HtmlReferenceContext::text);
    const std::string description = support::decode_html_references(trim_whitespace(raw_description_),
                                                                    support::HtmlReferenceContext::text);
    if (!description.empty()) bookmark.description = description;
    if (bookmark.description && bookmark.description->empty()) bookmark.description.reset();
    bookmark.unique_hash = domain::url_unique_hash(bookmark.url);
    sink_.on_bookmark(std::move(item_));
  }

  const ReaderOptions& options_;
  BookmarkSink& sink_;
  HtmlTokenizer tokenizer_;
  Mode mode_ = Mode::kNone;
  bool saw_list_ = false;
  bool item_open_ = false;
  bool item_failed_ = false;
  ParsedBookmark item_;
  std::uint64_t item_line_ = 0;
  std::size_t next_index_ = 0;
  std::string raw_title_;
  std::string raw_description_;
  std::string raw_folder_;
  std::vector<std::optional<std::string>> folders_;  // one entry per open <DL>, named or not
  std::optional<std::string> pending_folder_;        // the last <H3>, waiting for its <DL>
};

}  // namespace

void read_netscape(std::istream& in, const ReaderOptions& options, BookmarkSink& sink) {
  Utf8InputBuffer buffer(in, options.chunk_bytes);
  std::istream repaired(&buffer);
  NetscapeReader(repaired, options, sink).run();
}

}  // namespace pebble::formats
