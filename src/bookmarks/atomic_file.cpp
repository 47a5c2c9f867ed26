#include "bookmarks/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/error.h"

namespace pebble::bookmarks {

namespace {

std::string folder_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

int create_temp(const std::string& path, std::string& temp_path) {
  const auto slash = path.rfind('/');
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  temp_path = folder_of(path) + "/." + base + ".tmp.XXXXXX";
  const int fd = ::mkstemp(temp_path.data());
  if (fd < 0) {
    throw support::Error("cannot write " + path + ": cannot create a temporary file in " + folder_of(path) +
                         ": " + std::strerror(errno));
  }
  // mkstemp makes 0600. Replacing a file keeps its permissions (a 0600 export stays private);
  // a new export is an ordinary file, so it gets the umask's usual permissions.
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode)) {
    ::fchmod(fd, existing.st_mode & 07777);
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
  }
  return fd;
}

}  // namespace

AtomicFile::FdBuffer::FdBuffer(int fd) : fd_(fd), buffer_(1 << 16) {
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

bool AtomicFile::FdBuffer::flush_all() {
  const char* data = pbase();
  std::size_t left = static_cast<std::size_t>(pptr() - pbase());
  while (left > 0 && error_ == 0) {
    const ssize_t wrote = ::write(fd_, data, left);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote < 0) {
      error_ = errno;
      break;
    }
    data += wrote;
    left -= static_cast<std::size_t>(wrote);
  }
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return error_ == 0;
}

AtomicFile::FdBuffer::int_type AtomicFile::FdBuffer::overflow(int_type ch) {
  if (!flush_all()) return traits_type::eof();
  if (!traits_type::eq_int_type(ch, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(ch);
    pbump(1);
  }
  return traits_type::not_eof(ch);
}

AtomicFile::AtomicFile(std::string path)
    : path_(std::move(path)), fd_(create_temp(path_, temp_path_)), buffer_(fd_), stream_(&buffer_) {}

AtomicFile::~AtomicFile() {
  if (!committed_) discard();
}

void AtomicFile::discard() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  ::unlink(temp_path_.c_str());
}

void AtomicFile::commit() {
  const bool flushed = buffer_.flush_all() && stream_.good();
  const int write_error = buffer_.error();
  if (!flushed) {
    discard();
    throw support::Error("cannot write " + path_ + ": " +
                         std::strerror(write_error != 0 ? write_error : EIO));
  }
  if (::fsync(fd_) != 0 || ::close(fd_) != 0) {
    const int error = errno;
    fd_ = -1;
    discard();
    throw support::Error("cannot write " + path_ + ": " + std::strerror(error));
  }
  fd_ = -1;
  if (::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    const int error = errno;
    discard();
    throw support::Error("cannot write " + path_ + ": rename failed: " + std::strerror(error));
  }
  committed_ = true;
  // Make the rename itself durable: fsync the folder (best effort, some filesystems refuse).
  const int folder = ::open(folder_of(path_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folder >= 0) {
    ::fsync(folder);
    ::close(folder);
  }
}

}  // namespace pebble::bookmarks
