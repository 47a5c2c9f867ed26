#include "server/served_store.h"

#include <sys/stat.h>

#include <spdlog/spdlog.h>

#include "store/open_store.h"
#include "support/error.h"

namespace pebble::server {

ServedStore::ServedStore(std::string database_url, store::StoreOptions options)
    : database_url_(std::move(database_url)),
      options_(std::move(options)),
      sqlite_file_(store::sqlite_file_of(database_url_)) {
  // One reconnect attempt per pass: the next pass tries again anyway, and a pass that waited out a
  // PostgreSQL restart would hold up SIGTERM (the refresher is joined at exit) for that long.
  options_.reconnect_window = std::chrono::seconds(0);
}

std::optional<ServedStore::FileIdentity> ServedStore::current_file() const {
  struct stat status {};
  if (!sqlite_file_ || ::stat(sqlite_file_->c_str(), &status) != 0) return std::nullopt;
  return FileIdentity{status.st_dev, status.st_ino};
}

store::Store& ServedStore::get() {
  if (store_ && sqlite_file_) {
    const auto now_at_path = current_file();
    if (now_at_path != open_file_) {
      spdlog::warn("SQLite database {} was {} while open; reopening it", *sqlite_file_,
                   now_at_path ? "replaced" : "deleted or moved away");
      reset();
    }
  }
  if (store_) return *store_;
  // The first open may create the file like every command does; later, a missing file means it was
  // deleted or moved, and creating an empty one would hide that (and race a restore).
  if (sqlite_file_ && opened_before_ && !current_file()) {
    throw support::StoreError("SQLite database " + *sqlite_file_ +
                              " is missing (deleted or moved?); serve reopens it when it is back");
  }
  // The identity is taken before opening: a file swapped in meanwhile then reads as a change, and
  // costs one reopen instead of leaving the old file open for good.
  const auto before_open = current_file();
  store_ = store::open_store(database_url_, options_);
  opened_before_ = true;
  open_file_ = before_open ? before_open : current_file();  // created by this open
  return *store_;
}

void ServedStore::reset() {
  store_.reset();
  open_file_.reset();
}

}  // namespace pebble::server
