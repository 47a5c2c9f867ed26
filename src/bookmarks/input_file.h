#pragma once
// The file an import reads: a path or "-" (stdin). Stdin is copied to an unlinked temporary file
// first, as is every other file that is not a regular file (a FIFO, /dev/fd/N), so every source can
// be read twice (a validating pass, then the writing pass) and has a size.
#include <cstdint>
#include <istream>
#include <memory>
#include <string>

namespace pebble::bookmarks {

// An opened import source; reopen() gives a fresh stream from the first byte.
class InputFile {
 public:
  // Opens `source` ("-" = stdin, copied into a temporary file in `temp_folder`). Throws
  // pebble::Error naming the file when it cannot be read.
  InputFile(const std::string& source, const std::string& temp_folder);
  // An in-memory document (not null, outliving this) standing in for a file called `name`
  // (test-metrics' built-in sample).
  InputFile(std::string name, const std::string* content);
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  ~InputFile();

  // The name used in messages and import_jobs.source: the path, or "-" for stdin.
  const std::string& name() const { return name_; }
  // Size in bytes.
  std::uint64_t size() const { return size_; }
  // A stream positioned at the first byte (closing any stream opened before).
  std::istream& reopen();
  // The first `count` bytes (fewer when the file is shorter), for format sniffing.
  std::string first_bytes(std::size_t count);

 private:
  std::string name_;
  std::string path_;      // what reopen() opens: the source path or the stdin spool
  bool spooled_ = false;  // path_ is our temporary copy of stdin
  std::uint64_t size_ = 0;
  const std::string* content_ = nullptr;  // the in-memory document, when there is one
  std::unique_ptr<std::istream> stream_;
};

}  // namespace pebble::bookmarks
