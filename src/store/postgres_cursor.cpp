// Streaming a query's rows through a server-side cursor, so a long listing never sits in memory
// whole: bookmarks (export, `bookmarks list`) and feed items (`pebble items`).
#include "store/postgres_store_impl.h"

namespace pebble::store {

namespace {

// FETCH size of the streaming cursor: enough to amortize round trips, small enough to stay lean.
constexpr int kFetchSize = 500;

}  // namespace

void PostgresStore::stream_rows(const std::string& what, const std::string& sql, const Params& params,
                                const std::function<void(const Result&, int)>& visit_row) {
  // A cursor lives only inside a transaction: use the caller's, or open one for the walk.
  const bool own_transaction = !in_transaction_;
  if (own_transaction) begin(TxMode::kRead);
  const std::string cursor = "pebble_cursor_" + std::to_string(++cursor_counter_);
  try {
    connection_.exec("open the " + what + " cursor", "DECLARE " + cursor + " NO SCROLL CURSOR FOR " + sql,
                     params);
    try {
      for (;;) {
        const Result batch =
            connection_.exec("read " + what, "FETCH " + std::to_string(kFetchSize) + " FROM " + cursor);
        for (int row = 0; row < batch.rows(); ++row) visit_row(batch, row);
        if (batch.rows() < kFetchSize) break;
      }
    } catch (...) {
      try {  // frees the cursor when the transaction goes on; fails harmlessly when it is aborted
        connection_.exec("close the " + what + " cursor", "CLOSE " + cursor);
      } catch (...) {
      }
      throw;
    }
    connection_.exec("close the " + what + " cursor", "CLOSE " + cursor);
  } catch (...) {
    if (own_transaction) {
      try {
        rollback();
      } catch (...) {  // the visitor's or the query's error is the one to report
      }
    }
    throw;
  }
  if (own_transaction) commit();
}

}  // namespace pebble::store
