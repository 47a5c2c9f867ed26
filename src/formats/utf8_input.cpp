#include "formats/utf8_input.h"

#include <algorithm>

#include "formats/bookmark_record.h"
#include "support/utf8.h"

namespace pebble::formats {

std::string describe_position(InputPosition position) {
  return "line " + std::to_string(position.line) + ", byte " + std::to_string(position.byte);
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
    const std::size_t left = support::append_repaired_utf8(raw_, more_follows, out_);
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

}  // namespace pebble::formats
