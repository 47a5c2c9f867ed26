#include "bookmarks/input_file.h"

#include <cerrno>
#include <cstdlib>  // mkstemp
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include "support/error.h"

namespace pebble::bookmarks {

namespace {

[[noreturn]] void fail(const std::string& name, const std::string& what) {
  throw support::Error("cannot read " + name + ": " + what + ": " + std::strerror(errno));
}

// Copies everything readable from `source` (stdin, a FIFO, /dev/fd/N: anything that can be read
// only once) into a new temporary file in `folder` and returns its path.
std::string spool(int source, const std::string& name, const std::string& folder) {
  std::string path = folder + "/pebble-import.XXXXXX";
  const int fd = ::mkstemp(path.data());
  if (fd < 0) fail(name, "cannot create a temporary copy in " + path);
  std::vector<char> buffer(1 << 16);
  while (true) {
    const ssize_t got = ::read(source, buffer.data(), buffer.size());
    if (got == 0) break;
    if (got < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      ::unlink(path.c_str());
      fail(name, "read failed");
    }
    for (ssize_t done = 0; done < got;) {
      const ssize_t wrote = ::write(fd, buffer.data() + done, static_cast<std::size_t>(got - done));
      if (wrote < 0 && errno == EINTR) continue;
      if (wrote < 0) {
        ::close(fd);
        ::unlink(path.c_str());
        fail(name, "cannot write the temporary copy " + path);
      }
      done += wrote;
    }
  }
  ::close(fd);
  return path;
}

}  // namespace

InputFile::InputFile(const std::string& source, const std::string& temp_folder) : name_(source) {
  if (source == "-") {
    path_ = spool(STDIN_FILENO, "standard input", temp_folder);
    spooled_ = true;
  } else {
    // Open once and look at what was opened: a FIFO or /dev/fd/N yields its bytes only once, so
    // it is spooled like stdin instead of being opened again by every pass.
    const int fd = ::open(source.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail(name_, "open failed");
    struct stat opened {};
    if (::fstat(fd, &opened) != 0) {
      ::close(fd);
      fail(name_, "stat failed");
    }
    if (S_ISDIR(opened.st_mode)) {
      ::close(fd);
      errno = EISDIR;
      fail(name_, "not a file");
    }
    if (S_ISREG(opened.st_mode)) {
      path_ = source;
    } else {
      try {
        path_ = spool(fd, name_, temp_folder);
      } catch (...) {
        ::close(fd);
        throw;
      }
      spooled_ = true;
    }
    ::close(fd);
  }
  struct stat info {};
  if (::stat(path_.c_str(), &info) != 0) fail(name_, "stat failed");
  size_ = static_cast<std::uint64_t>(info.st_size);
}

InputFile::InputFile(std::string name, const std::string* content)
    : name_(std::move(name)), size_(content->size()), content_(content) {}

InputFile::~InputFile() {
  stream_.reset();
  if (spooled_) ::unlink(path_.c_str());
}

std::istream& InputFile::reopen() {
  stream_.reset();
  if (content_ != nullptr) {
    stream_ = std::make_unique<std::istringstream>(*content_);
    return *stream_;
  }
  stream_ = std::make_unique<std::ifstream>(path_, std::ios::binary);
  if (!*stream_) fail(name_, "open failed");
  return *stream_;
}

std::string InputFile::first_bytes(std::size_t count) {
  std::istream& in = reopen();
  std::string bytes(count, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(count));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

}  // namespace pebble::bookmarks
