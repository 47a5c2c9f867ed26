#pragma once
// Writing a file all-or-nothing: a temporary file in the same folder, fsync, then rename over the
// target, so a failed or interrupted export never leaves a truncated file (SPEC §5).
#include <cstdio>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

namespace pebble::bookmarks {

// An output file that appears at `path` only when commit() succeeds; otherwise the temporary file
// is removed and any existing file at `path` is left untouched.
class AtomicFile {
 public:
  // Creates the temporary file next to `path`; throws pebble::Error naming the folder on failure.
  explicit AtomicFile(std::string path);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  // Where to write the content.
  std::ostream& stream() { return stream_; }
  // Flushes, fsyncs and renames onto the target; throws pebble::Error naming the file on failure.
  void commit();

 private:
  // Buffers writes into the temporary file's descriptor and remembers the first write error.
  class FdBuffer : public std::streambuf {
   public:
    explicit FdBuffer(int fd);
    bool flush_all();
    int error() const { return error_; }

   protected:
    int_type overflow(int_type ch) override;
    int sync() override { return flush_all() ? 0 : -1; }

   private:
    int fd_;
    int error_ = 0;
    std::vector<char> buffer_;
  };

  void discard();

  std::string path_;
  std::string temp_path_;
  int fd_ = -1;
  FdBuffer buffer_;
  std::ostream stream_;
  bool committed_ = false;
};

}  // namespace pebble::bookmarks
