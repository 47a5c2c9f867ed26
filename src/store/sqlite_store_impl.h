#pragma once
// Private to the sqlite_*.cpp files: the SQLite Store class, whose methods are spread over
// sqlite_store.cpp (users, transactions), sqlite_bookmarks.cpp, sqlite_feeds.cpp and
// sqlite_jobs_metrics.cpp.
#include <string>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "store/sqlite_connection.h"
#include "store/store.h"
#include "support/clock.h"

namespace pebble {

// Applies the pending schema migrations in order, under one write lock (sqlite_schema.cpp);
// applied_at comes from `clock`.
void migrate_sqlite(SqliteConnection& connection, const Clock& clock);

// The SQLite Store: one connection, used from one thread.
class SqliteStore final : public Store {
 public:
  // Opens the database at `path` and migrates it; every timestamp the store writes comes from `clock`.
  SqliteStore(const std::string& path, const Clock& clock);

  std::string backend() const override { return "sqlite"; }
  void begin(TxMode mode) override;
  void commit() override;
  void rollback() override;
  void ping() override;

  std::pair<User, bool> get_or_create_user(const std::string& username) override;
  std::optional<User> find_user(const std::string& username) override;
  bool delete_user(std::int64_t user_id) override;

  std::vector<UpsertOutcome> upsert_bookmarks(std::int64_t owner_id, const std::vector<BookmarkInput>& inputs,
                                              DuplicatePolicy policy) override;
  std::optional<Bookmark> find_bookmark(std::int64_t owner_id, const std::string& unique_hash) override;
  bool delete_bookmark(std::int64_t bookmark_id) override;
  void for_each_bookmark(const BookmarkQuery& query,
                         const std::function<void(const Bookmark&)>& visit) override;
  std::int64_t count_bookmarks(std::int64_t owner_id) override;

  std::optional<Tag> find_tag(std::int64_t owner_id, const std::string& name) override;
  std::vector<Tag> list_tags(std::int64_t owner_id) override;

  std::pair<Feed, bool> get_or_create_feed(const std::string& url) override;
  std::optional<Feed> find_feed_by_url(const std::string& url) override;
  std::optional<Feed> get_feed(std::int64_t feed_id) override;
  std::vector<Feed> list_feeds() override;
  void update_feed(const Feed& feed) override;
  std::vector<Feed> claim_feeds(const FeedClaim& claim) override;
  ItemUpsertOutcome upsert_feed_item(std::int64_t feed_id, const FeedItemInput& item,
                                     Timestamp seen_at) override;
  std::vector<FeedItem> list_feed_items(std::int64_t feed_id) override;

  void create_import_job(ImportJob& job) override;
  void update_import_job(const ImportJob& job) override;
  std::optional<ImportJob> get_import_job(std::int64_t job_id) override;
  std::int64_t fail_abandoned_import_jobs(const ImportJob& current, Timestamp stale_before,
                                          const std::string& reason) override;
  void record_job_run(JobRun& run) override;
  std::vector<JobRunSummary> latest_job_runs() override;

  void add_counters(const std::vector<CounterDelta>& deltas) override;
  void add_histograms(const std::vector<HistogramDelta>& deltas) override;
  std::vector<CounterValue> read_counters() override;
  std::vector<HistogramValue> read_histograms() override;
  void savepoint(const std::string& name) override;
  void release_savepoint(const std::string& name) override;
  void rollback_to_savepoint(const std::string& name) override;

  StoreStats gather_stats(Timestamp now) override;

 private:
  // Runs `work` inside the caller's transaction, or inside its own write transaction when none is
  // open, so a multi-statement method is all-or-nothing either way.
  template <typename Work>
  auto write_atomically(Work&& work) {
    if (in_transaction_) return work();
    begin(TxMode::kWrite);
    try {
      if constexpr (std::is_void_v<decltype(work())>) {
        work();
        commit();
      } else {
        auto result = work();
        commit();
        return result;
      }
    } catch (...) {
      rollback();
      throw;
    }
  }

  // Tag ids by name, known within one upsert_bookmarks call.
  using TagIds = std::unordered_map<std::string, std::int64_t>;

  // Bookmark helpers (sqlite_bookmarks.cpp).
  UpsertOutcome upsert_one_bookmark(std::int64_t owner_id, const BookmarkInput& input, DuplicatePolicy policy,
                                    Timestamp now, TagIds& tag_ids);
  void attach_tags(std::int64_t owner_id, std::int64_t bookmark_id, const std::vector<std::string>& names,
                   Timestamp now, TagIds& tag_ids);
  // The id of the owner's tag `name`, created when missing.
  std::int64_t tag_id(std::int64_t owner_id, const std::string& name, Timestamp now);

  SqliteConnection connection_;
  const Clock& clock_;
  bool in_transaction_ = false;
};

}  // namespace pebble
