#include "formats/html_tokenizer.h"

#include <algorithm>
#include <cctype>

#include "support/html_entities.h"

namespace pebble::formats {

namespace {

constexpr std::size_t kNotFound = std::string::npos;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
bool is_alpha(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0;
}

}  // namespace

const std::string* HtmlToken::attribute(std::string_view lower_case_name) const {
  for (const HtmlAttribute& attribute : attributes) {
    if (attribute.name == lower_case_name) return &attribute.value;
  }
  return nullptr;
}

void parse_tag(std::string_view raw, HtmlToken& token) {
  token.name.clear();
  token.attributes.clear();
  std::size_t pos = 1;
  if (pos < raw.size() && raw[pos] == '/') ++pos;
  while (pos < raw.size() && !is_space(raw[pos]) && raw[pos] != '>' && raw[pos] != '/') {
    token.name.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(raw[pos]))));
    ++pos;
  }
  if (token.kind != HtmlTokenKind::kStartTag) return;
  const std::size_t end = raw.size() - (raw.back() == '>' ? 1 : 0);
  while (pos < end) {
    while (pos < end && (is_space(raw[pos]) || raw[pos] == '/')) ++pos;
    HtmlAttribute attribute;
    while (pos < end && !is_space(raw[pos]) && raw[pos] != '=') {
      attribute.name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(raw[pos]))));
      ++pos;
    }
    while (pos < end && is_space(raw[pos])) ++pos;
    if (pos < end && raw[pos] == '=') {
      ++pos;
      while (pos < end && is_space(raw[pos])) ++pos;
      std::size_t value_end = 0;
      if (pos < end && (raw[pos] == '"' || raw[pos] == '\'')) {
        const char quote = raw[pos++];
        value_end = std::min(raw.find(quote, pos), end);
        attribute.value = support::decode_html_references(raw.substr(pos, value_end - pos),
                                                          support::HtmlReferenceContext::attribute);
        pos = value_end + 1;
      } else {
        value_end = pos;
        while (value_end < end && !is_space(raw[value_end])) ++value_end;
        attribute.value = support::decode_html_references(raw.substr(pos, value_end - pos),
                                                          support::HtmlReferenceContext::attribute);
        pos = value_end;
      }
    }
    if (!attribute.name.empty()) token.attributes.push_back(std::move(attribute));
  }
}

HtmlTokenizer::HtmlTokenizer(std::istream& in, std::size_t chunk_bytes, std::size_t max_tag_bytes)
    : in_(in), chunk_bytes_(std::max<std::size_t>(chunk_bytes, 16)), max_tag_bytes_(max_tag_bytes) {}

bool HtmlTokenizer::fill() {
  if (at_end_) return false;
  if (pos_ > 0) {
    buffer_.erase(0, pos_);
    base_offset_ += pos_;
    pos_ = 0;
  }
  const std::size_t old_size = buffer_.size();
  buffer_.resize(old_size + chunk_bytes_);
  in_.read(buffer_.data() + old_size, static_cast<std::streamsize>(chunk_bytes_));
  const auto got = static_cast<std::size_t>(in_.gcount());
  buffer_.resize(old_size + got);
  if (got == 0) at_end_ = true;
  return got > 0;
}

void HtmlTokenizer::advance(std::size_t count) {
  line_ += static_cast<std::uint64_t>(std::count(buffer_.begin() + static_cast<std::ptrdiff_t>(pos_),
                                                 buffer_.begin() + static_cast<std::ptrdiff_t>(pos_ + count),
                                                 '\n'));
  pos_ += count;
}

bool HtmlTokenizer::next(HtmlToken& token) {
  if (pos_ >= buffer_.size() && !fill()) return false;
  token.position = InputPosition{line_, base_offset_ + pos_};
  token.name.clear();
  token.attributes.clear();
  token.raw.clear();
  if (buffer_[pos_] == '<') {
    if (pos_ + 1 >= buffer_.size()) fill();
    const char after = pos_ + 1 < buffer_.size() ? buffer_[pos_ + 1] : '\0';
    if (is_alpha(after) || after == '/' || after == '!' || after == '?') {
      read_markup(token);
      return true;
    }
  }
  read_text(token);
  return true;
}

void HtmlTokenizer::read_text(HtmlToken& token) {
  token.kind = HtmlTokenKind::kText;
  std::size_t end = buffer_.find('<', pos_ + 1);
  if (end == kNotFound) end = buffer_.size();
  token.raw.assign(buffer_, pos_, end - pos_);
  advance(end - pos_);
}

std::size_t HtmlTokenizer::find_markup_end(std::size_t from, bool comment) {
  if (comment) {
    const std::size_t found = buffer_.find("-->", from);
    return found == kNotFound ? kNotFound : found + 3;
  }
  for (std::size_t i = from; i < buffer_.size(); ++i) {
    const char c = buffer_[i];
    if (quote_ != 0) {
      if (c == quote_) quote_ = 0;
    } else if (c == '>') {
      return i + 1;
    } else if (after_equals_ && (c == '"' || c == '\'')) {
      quote_ = c;
    }
    if (quote_ == 0 && !is_space(c)) after_equals_ = c == '=';
  }
  return kNotFound;
}

void HtmlTokenizer::read_markup(HtmlToken& token) {
  if (buffer_.size() - pos_ < 4) fill();
  const bool comment = buffer_.compare(pos_, 4, "<!--") == 0;
  const char second = buffer_[pos_ + 1];
  quote_ = 0;
  after_equals_ = false;
  std::size_t scanned = comment ? pos_ + 4 : pos_;
  bool oversized = false;
  while (true) {
    const std::size_t end = find_markup_end(scanned, comment);
    if (end != kNotFound) {
      if (oversized) {
        token.kind = HtmlTokenKind::kOversized;
        advance(end - pos_);
        return;
      }
      token.raw.assign(buffer_, pos_, end - pos_);
      advance(end - pos_);
      break;
    }
    // A comment terminator may straddle the chunk boundary: search its last two bytes again.
    std::size_t resume = comment
                             ? std::max(scanned, buffer_.size() - std::min<std::size_t>(2, buffer_.size()))
                             : buffer_.size();
    if (!oversized && buffer_.size() - pos_ > max_tag_bytes_) {
      oversized = true;
      token.kind = HtmlTokenKind::kOversized;
      parse_tag(std::string_view(buffer_).substr(pos_, 32), token);  // keep the name for the reader
    }
    if (oversized) {
      advance(resume - pos_);  // drop what was scanned so memory stays bounded
      resume = pos_;
    }
    const std::size_t offset_before = pos_;
    if (!fill()) {
      token.kind = HtmlTokenKind::kTruncated;
      if (!oversized) token.raw.assign(buffer_, pos_, buffer_.size() - pos_);
      advance(buffer_.size() - pos_);
      return;
    }
    scanned = resume - (offset_before - pos_);  // fill() moved the unread bytes to the front
  }
  if (second == '!' || second == '?') {
    token.kind = HtmlTokenKind::kMarkup;
  } else {
    token.kind = second == '/' ? HtmlTokenKind::kEndTag : HtmlTokenKind::kStartTag;
    parse_tag(token.raw, token);
  }
}

}  // namespace pebble::formats
