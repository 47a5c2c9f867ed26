#include "formats/utf8_input.h"

#include <algorithm>

#include "formats/bookmark_record.h"

namespace pebble {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the valid UTF-8 sequence starting at `pos`, 0 when invalid, or -1 when the bytes end
// before a sequence that is valid so far is complete.
int sequence_length(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return 1;
  int length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  for (int i = 1; i < length; ++i) {
    if (pos + static_cast<std::size_t>(i) >= text.size()) return -1;
    const unsigned char next = byte(pos + static_cast<std::size_t>(i));
    if (next < (i == 1 ? low : 0x80) || next > (i == 1 ? high : 0xBF)) return 0;
  }
  return length;
}

// Appends the repaired form of `text` to `out`; returns how many trailing bytes form an incomplete
// sequence that was left out (only when `more_follows`).
std::size_t append_repaired(std::string_view text, bool more_follows, std::string& out) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const int length = sequence_length(text, pos);
    if (length > 0) {
      out.append(text.substr(pos, static_cast<std::size_t>(length)));
      pos += static_cast<std::size_t>(length);
    } else if (length < 0 && more_follows) {
      return text.size() - pos;
    } else {
      out.append(kReplacement);
      pos += 1;
    }
  }
  return 0;
}

}  // namespace

std::string describe_position(InputPosition position) {
  return "line " + std::to_string(position.line) + ", byte " + std::to_string(position.byte);
}

std::string repair_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_repaired(text, false, out);
  return out;
}

Utf8InputBuffer::Utf8InputBuffer(std::istream& source, std::size_t chunk_bytes)
    : source_(source), chunk_bytes_(std::max<std::size_t>(chunk_bytes, 16)) {
  setg(nullptr, nullptr, nullptr);
}

InputPosition Utf8InputBuffer::position() const {
  InputPosition position;
  const std::size_t consumed = eback() == nullptr ? 0 : static_cast<std::size_t>(gptr() - eback());
  position.byte = bytes_before_ + consumed;
  position.line = 1 + newlines_before_ +
                  static_cast<std::uint64_t>(std::count(out_.data(), out_.data() + consumed, '\n'));
  return position;
}

Utf8InputBuffer::int_type Utf8InputBuffer::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  bytes_before_ += out_.size();
  newlines_before_ += static_cast<std::uint64_t>(std::count(out_.begin(), out_.end(), '\n'));
  out_.clear();
  while (out_.empty()) {
    raw_.assign(pending_);
    pending_.clear();
    const std::size_t carried = raw_.size();
    raw_.resize(carried + chunk_bytes_);
    std::size_t got = 0;
    if (source_) {
      source_.read(raw_.data() + carried, static_cast<std::streamsize>(chunk_bytes_));
      got = static_cast<std::size_t>(source_.gcount());
    }
    raw_.resize(carried + got);
    const bool more_follows = got > 0;
    if (raw_.empty()) break;
    const std::size_t left = append_repaired(raw_, more_follows, out_);
    pending_.assign(raw_, raw_.size() - left, left);
  }
  if (out_.empty()) {
    setg(nullptr, nullptr, nullptr);
    return traits_type::eof();
  }
  setg(out_.data(), out_.data(), out_.data() + out_.size());
  if (max_json_token_ > 0) check_json_tokens(0);
  return traits_type::to_int_type(*gptr());
}

void Utf8InputBuffer::check_json_tokens(std::size_t from) {
  static constexpr std::string_view kStructural = "{}[],: \t\r\n";
  for (std::size_t i = from; i < out_.size(); ++i) {
    const char c = out_[i];
    if (in_string_) {
      if (escaped_) {
        escaped_ = false;
      } else if (c == '\\') {
        escaped_ = true;
      } else if (c == '"') {
        in_string_ = false;
        token_length_ = 0;
        continue;
      }
      ++token_length_;
    } else if (c == '"') {
      in_string_ = true;
      token_length_ = 0;
    } else if (kStructural.find(c) != std::string_view::npos) {
      token_length_ = 0;
    } else {
      ++token_length_;
    }
    if (token_length_ > max_json_token_) {
      InputPosition at;
      at.byte = bytes_before_ + i;
      at.line =
          1 + newlines_before_ + static_cast<std::uint64_t>(std::count(out_.data(), out_.data() + i, '\n'));
      throw FormatError(describe_position(at) + ": JSON value longer than " +
                        std::to_string(max_json_token_) + " bytes");
    }
  }
}

}  // namespace pebble
