#pragma once
// The transactions role of the store (SPEC §2): begin/commit/rollback, savepoints, ping and the
// backend's name, plus the Transaction guard. Standard library only.
#include <string>

namespace pebble::store {

// How a transaction starts. kWrite takes the write lock up front (SQLite BEGIN IMMEDIATE) so that
// read-then-write sequences cannot fail halfway with SQLITE_BUSY.
enum class TxMode { kRead, kWrite };

// Transaction control of one store connection; every method throws StoreError on failure.
class TransactionStore {
 public:
  virtual ~TransactionStore() = default;

  // "sqlite" or "postgresql".
  virtual std::string backend() const = 0;

  // Transactions: the caller brackets writes; use the Transaction guard below.
  virtual void begin(TxMode mode) = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;

  // A cheap round trip proving the store answers (for /readyz and pebble_store_up).
  virtual void ping() = 0;

  // Savepoints inside the caller's open transaction (SQL SAVEPOINT / RELEASE SAVEPOINT / ROLLBACK TO
  // SAVEPOINT), so a failed metrics write can be undone without aborting the data it rides with
  // (PostgreSQL aborts the whole transaction on any failed statement). `name` is a fixed SQL
  // identifier chosen by the code ([a-z_]+), never user input. After rollback_to_savepoint the
  // caller still calls release_savepoint.
  virtual void savepoint(const std::string& name) = 0;
  virtual void release_savepoint(const std::string& name) = 0;
  virtual void rollback_to_savepoint(const std::string& name) = 0;
};

// Commits on commit(), rolls back when destroyed without it (an exception unwinding).
class Transaction {
 public:
  Transaction(TransactionStore& store, TxMode mode) : store_(store) { store_.begin(mode); }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction() {
    if (!done_) {
      try {
        store_.rollback();
      } catch (...) {  // a destructor must not throw; the original error is what matters
      }
    }
  }
  // Commits; after this the guard does nothing.
  void commit() {
    store_.commit();
    done_ = true;
  }

 private:
  TransactionStore& store_;
  bool done_ = false;
};

}  // namespace pebble::store
