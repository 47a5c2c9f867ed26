#pragma once
// A read buffer over an input stream that replaces invalid UTF-8 with U+FFFD (support/utf8.h) and knows how
// far its reader has got (bytes and lines), for progress reports and error positions.
#include <cstddef>
#include <cstdint>
#include <istream>
#include <streambuf>
#include <string>
#include <string_view>

namespace pebble::formats {

// Where a reader stands in its input.
struct InputPosition {
  std::uint64_t line = 1;  // 1-based
  std::uint64_t byte = 0;  // 0-based offset of the next unread byte
};

// "line 3, byte 120": the prefix of every FormatError message.
std::string describe_position(InputPosition position);

// A std::streambuf that yields the repaired bytes of `source` in chunks; a sequence split
// between chunks is carried over, so the result is the same as repairing the whole input at once.
class Utf8InputBuffer : public std::streambuf {
 public:
  // Reads `source` in pieces of `chunk_bytes`.
  Utf8InputBuffer(std::istream& source, std::size_t chunk_bytes);
  // Position of the next byte the consumer will read.
  InputPosition position() const;
  // Byte offset of the next byte, in constant time (position() counts the lines of the chunk,
  // too slow for every JSON value).
  std::uint64_t byte_offset() const {
    return bytes_before_ + (eback() == nullptr ? 0 : static_cast<std::uint64_t>(gptr() - eback()));
  }
  // When non-zero, a JSON string or bare token longer than this throws FormatError.
  void limit_json_tokens(std::size_t max_token_bytes) { max_json_token_ = max_token_bytes; }

 protected:
  int_type underflow() override;

 private:
  void check_json_tokens(std::size_t from);

  std::istream& source_;
  std::size_t chunk_bytes_;
  std::string raw_;
  std::string pending_;  // an incomplete sequence carried over from the previous chunk
  std::string out_;
  std::uint64_t bytes_before_ = 0;     // bytes of earlier chunks handed out
  std::uint64_t newlines_before_ = 0;  // newlines in earlier chunks
  std::size_t max_json_token_ = 0;
  bool in_string_ = false;
  bool escaped_ = false;
  std::size_t token_length_ = 0;
};

}  // namespace pebble::formats
