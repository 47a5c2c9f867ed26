#pragma once
// The store interface (SPEC §2). Standard library only: driver types never leak out of the
// implementations. Every method throws StoreError (support/error.h) on failure; writes happen inside
// the transaction the caller opened, so data and its metric deltas commit together.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/model.h"
#include "support/time.h"

namespace pebble {

// How a transaction starts. kWrite takes the write lock up front (SQLite BEGIN IMMEDIATE) so that
// read-then-write sequences cannot fail halfway with SQLITE_BUSY.
enum class TxMode { kRead, kWrite };

// Filters of a streaming bookmark query; results come newest first (created_at desc, id desc).
struct BookmarkQuery {
  std::int64_t owner_id = 0;
  std::vector<std::string> tags_all;  // bookmarks carrying every one of these tags
  std::optional<Timestamp> since;     // created_at >= since
  std::optional<std::int64_t> limit;  // at most this many
};

// Which feeds a poller wants to lease (SPEC §6, "Many workers").
struct FeedClaim {
  Timestamp now;
  std::string lease_owner;             // unique per worker process
  Timestamp lease_until;               // when an unfinished lease expires
  bool ignore_schedule = false;        // --all: every enabled feed, due or not
  std::optional<std::int64_t> limit;   // at most this many, oldest due first
  std::vector<std::int64_t> feed_ids;  // when non-empty: exactly these (enabled or not), schedule ignored
};

// A cumulative counter increment for one series.
struct CounterDelta {
  std::string command;  // the recording command, e.g. "poll-feeds"
  std::string family;   // metric family name
  std::string labels;   // canonical label text from the metrics layer, opaque to the store
  double value = 0;
};

// A cumulative histogram increment for one series: per-bucket increments keyed by the `le` text.
struct HistogramDelta {
  std::string command;
  std::string family;
  std::string labels;
  std::vector<std::pair<std::string, std::uint64_t>> buckets;  // le ("0.5", "+Inf") → added count
  double sum = 0;
  std::uint64_t count = 0;
};

// A counter series as stored.
struct CounterValue {
  std::string command;
  std::string family;
  std::string labels;
  double value = 0;
};

// A histogram series as stored; buckets hold cumulative counts per `le`, in no particular order.
struct HistogramValue {
  std::string command;
  std::string family;
  std::string labels;
  std::vector<std::pair<std::string, std::uint64_t>> buckets;
  double sum = 0;
  std::uint64_t count = 0;
};

// The latest run of one command and its latest successful finish.
struct JobRunSummary {
  JobRun last_run;
  std::optional<Timestamp> last_success_at;
};

// Row counts for the store-derived gauges of `serve` and `metrics-show` (SPEC §8).
struct StoreStats {
  std::int64_t users = 0;
  std::int64_t bookmarks = 0;
  std::int64_t tags = 0;
  std::int64_t feed_items = 0;
  std::int64_t feeds_active = 0;   // enabled and consecutive_failures == 0
  std::int64_t feeds_failing = 0;  // enabled and consecutive_failures > 0
  std::int64_t feeds_disabled = 0;
  std::int64_t feeds_due = 0;  // enabled and (next_poll_at <= now or never polled)
  std::map<std::string, std::int64_t> import_jobs_by_status;
  std::map<std::string, std::int64_t> bookmarks_by_user;  // username → count
};

// The store: one interface, a SQLite and a PostgreSQL implementation (store/open_store.h).
class Store {
 public:
  virtual ~Store() = default;

  // "sqlite" or "postgresql".
  virtual std::string backend() const = 0;

  // Transactions: the caller brackets writes; use the Transaction guard below.
  virtual void begin(TxMode mode) = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;

  // A cheap round trip proving the store answers (for /readyz and pebble_store_up).
  virtual void ping() = 0;

  // Users. get_or_create returns the user and whether it was created.
  virtual std::pair<User, bool> get_or_create_user(const std::string& username) = 0;
  virtual std::optional<User> find_user(const std::string& username) = 0;
  // Deletes the user and, by cascade, their bookmarks, tags and import jobs.
  virtual bool delete_user(std::int64_t user_id) = 0;

  // Bookmarks. One outcome per input, in order; tags are created as needed and attached.
  virtual std::vector<UpsertOutcome> upsert_bookmarks(std::int64_t owner_id,
                                                      const std::vector<BookmarkInput>& inputs,
                                                      DuplicatePolicy policy) = 0;
  virtual std::optional<Bookmark> find_bookmark(std::int64_t owner_id, const std::string& unique_hash) = 0;
  virtual bool delete_bookmark(std::int64_t bookmark_id) = 0;
  // Streams matching bookmarks newest first without loading them all; visit may throw to stop.
  virtual void for_each_bookmark(const BookmarkQuery& query,
                                 const std::function<void(const Bookmark&)>& visit) = 0;
  virtual std::int64_t count_bookmarks(std::int64_t owner_id) = 0;

  // Tags.
  virtual std::optional<Tag> find_tag(std::int64_t owner_id, const std::string& name) = 0;
  virtual std::vector<Tag> list_tags(std::int64_t owner_id) = 0;

  // Feeds. get_or_create returns the feed and whether it was created.
  virtual std::pair<Feed, bool> get_or_create_feed(const std::string& url) = 0;
  virtual std::optional<Feed> find_feed_by_url(const std::string& url) = 0;
  virtual std::optional<Feed> get_feed(std::int64_t feed_id) = 0;
  virtual std::vector<Feed> list_feeds() = 0;
  // Writes every mutable column of the feed row with this id (url included) and bumps updated_at.
  virtual void update_feed(const Feed& feed) = 0;
  // Atomically leases the feeds a worker should poll: due (or all, or the given ids), enabled,
  // and not leased by another worker whose lease is still valid. Sets lease_owner/lease_until.
  virtual std::vector<Feed> claim_feeds(const FeedClaim& claim) = 0;

  // Feed items: insert, or refresh by (feed_id, guid) keeping first_seen_at and the first
  // published_at; last_seen_at = seen_at.
  virtual ItemUpsertOutcome upsert_feed_item(std::int64_t feed_id, const FeedItemInput& item,
                                             Timestamp seen_at) = 0;
  virtual std::vector<FeedItem> list_feed_items(std::int64_t feed_id) = 0;

  // Import jobs. create sets job.id (and timestamps); update writes every column but user/created_at.
  virtual void create_import_job(ImportJob& job) = 0;
  virtual void update_import_job(const ImportJob& job) = 0;
  virtual std::optional<ImportJob> get_import_job(std::int64_t job_id) = 0;
  // Marks jobs whose process is gone as failed with `reason`: rows other than `current` still pending
  // or processing whose updated_at (refreshed at every batch commit) is before `stale_before`, or that
  // share current's user and source (a rerun of the same file). Returns how many were marked.
  virtual std::int64_t fail_abandoned_import_jobs(const ImportJob& current, Timestamp stale_before,
                                                  const std::string& reason) = 0;

  // Job runs. record sets run.id.
  virtual void record_job_run(JobRun& run) = 0;
  virtual std::vector<JobRunSummary> latest_job_runs() = 0;

  // Metrics: atomic cumulative increments (concurrent writers add, never overwrite) and reads.
  virtual void add_counters(const std::vector<CounterDelta>& deltas) = 0;
  virtual void add_histograms(const std::vector<HistogramDelta>& deltas) = 0;
  virtual std::vector<CounterValue> read_counters() = 0;
  virtual std::vector<HistogramValue> read_histograms() = 0;

  // Savepoints inside the caller's open transaction (SQL SAVEPOINT / RELEASE SAVEPOINT / ROLLBACK TO
  // SAVEPOINT), so a failed metrics write can be undone without aborting the data it rides with
  // (PostgreSQL aborts the whole transaction on any failed statement). `name` is a fixed SQL
  // identifier chosen by the code ([a-z_]+), never user input. After rollback_to_savepoint the
  // caller still calls release_savepoint.
  virtual void savepoint(const std::string& name) = 0;
  virtual void release_savepoint(const std::string& name) = 0;
  virtual void rollback_to_savepoint(const std::string& name) = 0;

  // Counts for the store-derived gauges.
  virtual StoreStats gather_stats(Timestamp now) = 0;
};

// Commits on commit(), rolls back when destroyed without it (an exception unwinding).
class Transaction {
 public:
  Transaction(Store& store, TxMode mode) : store_(store) { store_.begin(mode); }
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
  Store& store_;
  bool done_ = false;
};

}  // namespace pebble
