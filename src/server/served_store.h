#pragma once
// The store `serve` reads for its whole life. A SQLite file may be deleted, restored from a backup or
// replaced under a running exporter; an open connection would go on reading the old, unlinked file
// and report stale values as fresh forever. So before each use the file at the configured path is
// compared (device and inode) with the one open, and the store is reopened when they differ.
#include <memory>
#include <optional>
#include <string>
#include <sys/types.h>

#include "store/open_store.h"
#include "store/store.h"

namespace pebble::server {

// One store connection, reopened after a failure or when its SQLite file changed. Not thread-safe:
// the snapshot cache's refresher thread is its only user.
class ServedStore {
 public:
  // Opens nothing yet: the first get() does, so serve starts even while the store is down.
  explicit ServedStore(std::string database_url, store::StoreOptions options = {});

  // The open store, (re)opening it when needed. Throws StoreError when it cannot be opened, and when
  // the SQLite file has gone (a deleted store is reported down, never silently recreated empty).
  store::Store& get();
  // Drops the connection, so the next get() reconnects (after a failed query pass).
  void reset();

 private:
  // Device and inode of a file, which tell a replaced file from the one open.
  struct FileIdentity {
    dev_t device = 0;  // st_dev
    ino_t inode = 0;   // st_ino
    // The same file when both match.
    bool operator==(const FileIdentity&) const = default;
  };
  // The identity of the file now at the SQLite path; nullopt when there is none.
  std::optional<FileIdentity> current_file() const;

  std::string database_url_;
  store::StoreOptions options_;  // as given, but every open retries a lost session only once (see get)
  std::optional<std::string> sqlite_file_;  // nullopt: not a SQLite file (PostgreSQL, :memory:)
  std::unique_ptr<store::Store> store_;
  std::optional<FileIdentity> open_file_;  // the SQLite file store_ has open
  bool opened_before_ = false;             // after the first open, a missing file is a fault
};

}  // namespace pebble::server
