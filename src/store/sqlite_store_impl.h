#pragma once
// Private to the sqlite_*.cpp files: the SQLite Store class, whose methods are spread over
// sqlite_store.cpp (users, transactions), sqlite_bookmarks.cpp, sqlite_feeds.cpp and
// sqlite_jobs_metrics.cpp.
#include <map>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "store/sqlite_connection.h"
#include "store/store.h"
#include "support/clock.h"

namespace pebble::store {

// Applies the pending schema migrations in order, under one write lock (sqlite_schema.cpp);
// applied_at comes from `clock`.
void migrate_sqlite(SqliteConnection& connection, const support::Clock& clock);

// Whether a full-text search with a LIMIT should look its matches up by rowid and sort them (few
// matches, or no limit) rather than walk the listing's index in order testing each row (many
// matches): whichever reads fewer rows (sqlite_search.cpp). `search_table` is the FTS5 table over
// `content_table`; `match` its MATCH expression.
bool look_up_search_matches(SqliteConnection& connection, const std::string& search_table,
                            const std::string& content_table, const std::string& match,
                            std::optional<std::int64_t> limit);

// The SQLite Store: one connection, used from one thread.
class SqliteStore final : public Store {
 public:
  // Opens the database at `path` and migrates it; every timestamp the store writes comes from `clock`.
  SqliteStore(const std::string& path, const support::Clock& clock);

  std::string backend() const override { return "sqlite"; }
  void begin(TxMode mode) override;
  void commit() override;
  void rollback() override;
  void ping() override;

  std::pair<domain::User, bool> get_or_create_user(const std::string& username) override;
  std::optional<domain::User> find_user(const std::string& username) override;
  bool delete_user(std::int64_t user_id) override;

  std::vector<domain::UpsertOutcome> upsert_bookmarks(std::int64_t owner_id,
                                                      const std::vector<domain::BookmarkInput>& inputs,
                                                      domain::DuplicatePolicy policy) override;
  std::optional<domain::Bookmark> find_bookmark(std::int64_t owner_id,
                                                const std::string& unique_hash) override;
  std::optional<domain::Bookmark> get_bookmark(std::int64_t owner_id, std::int64_t bookmark_id) override;
  bool delete_bookmark(std::int64_t bookmark_id) override;
  std::int64_t add_bookmark_tags(std::int64_t owner_id, std::int64_t bookmark_id,
                                 const std::vector<std::string>& names) override;
  std::int64_t remove_bookmark_tags(std::int64_t owner_id, std::int64_t bookmark_id,
                                    const std::vector<std::string>& names) override;
  void for_each_bookmark(const BookmarkQuery& query,
                         const std::function<void(const domain::Bookmark&)>& visit) override;
  std::int64_t count_bookmarks(std::int64_t owner_id) override;

  std::optional<domain::Tag> find_tag(std::int64_t owner_id, const std::string& name) override;
  std::vector<domain::Tag> list_tags(std::int64_t owner_id) override;

  std::pair<domain::Feed, bool> get_or_create_feed(const std::string& url) override;
  std::optional<domain::Feed> find_feed_by_url(const std::string& url) override;
  std::optional<domain::Feed> get_feed(std::int64_t feed_id) override;
  std::vector<domain::Feed> list_feeds() override;
  void update_feed(const domain::Feed& feed) override;
  std::vector<domain::Feed> claim_feeds(const FeedClaim& claim) override;
  domain::ItemUpsertOutcome upsert_feed_item(std::int64_t feed_id, const domain::FeedItemInput& item,
                                             support::Timestamp seen_at) override;
  std::vector<domain::FeedItem> list_feed_items(std::int64_t feed_id) override;
  std::unordered_map<std::string, std::string> item_fingerprints(
      std::int64_t feed_id, const std::vector<std::string>& guids) override;
  std::int64_t mark_items_seen(std::int64_t feed_id, const std::vector<std::string>& guids,
                               support::Timestamp seen_at) override;
  std::int64_t prune_feed_items(std::int64_t feed_id, const domain::ItemRetention& retention,
                                support::Timestamp seen_at) override;

  std::map<std::int64_t, FeedItemCounts> feed_item_counts(std::optional<std::int64_t> feed_id) override;
  std::map<std::int64_t, std::vector<std::string>> feed_tags(std::optional<std::int64_t> feed_id) override;
  void set_feed_tags(std::int64_t feed_id, const std::vector<std::string>& names) override;
  std::optional<std::int64_t> delete_feed(std::int64_t feed_id) override;

  void for_each_item(const ItemQuery& query, const std::function<void(const ListedItem&)>& visit) override;
  MarkResult mark_items(const ItemSelection& selection, std::optional<support::Timestamp> read_at) override;

  void create_import_job(domain::ImportJob& job) override;
  void update_import_job(const domain::ImportJob& job) override;
  std::optional<domain::ImportJob> get_import_job(std::int64_t job_id) override;
  std::int64_t fail_abandoned_import_jobs(const domain::ImportJob& current, support::Timestamp stale_before,
                                          const std::string& reason) override;
  void record_job_run(domain::JobRun& run) override;
  std::vector<JobRunSummary> latest_job_runs() override;

  std::vector<UnfurlTarget> unfurl_targets(std::int64_t owner_id, bool missing_only, std::int64_t after_id,
                                           std::size_t limit) override;
  std::optional<UnfurlTarget> unfurl_target(std::int64_t bookmark_id) override;
  bool save_unfurl(const domain::BookmarkUnfurl& unfurl) override;
  bool fill_bookmark(std::int64_t bookmark_id, const BookmarkFill& fill) override;

  void add_counters(const std::vector<CounterDelta>& deltas) override;
  void add_histograms(const std::vector<HistogramDelta>& deltas) override;
  std::vector<CounterValue> read_counters() override;
  std::vector<HistogramValue> read_histograms() override;
  void savepoint(const std::string& name) override;
  void release_savepoint(const std::string& name) override;
  void rollback_to_savepoint(const std::string& name) override;

  StoreStats gather_stats(support::Timestamp now) override;

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

  // Bookmark helpers (sqlite_bookmarks.cpp). Inserts inputs[start, end) that are new in one
  // statement; returns the new rows' ids by unique_hash (the first input of equal hashes).
  std::unordered_map<std::string, std::int64_t> insert_new_bookmarks(
      std::int64_t owner_id, const std::vector<domain::BookmarkInput>& inputs, std::size_t start,
      std::size_t end, support::Timestamp now);
  // Applies `policy` to the owner's existing row with the input's unique_hash.
  domain::UpsertOutcome update_existing_bookmark(std::int64_t owner_id, const domain::BookmarkInput& input,
                                                 domain::DuplicatePolicy policy, support::Timestamp now,
                                                 TagIds& tag_ids);
  // Links the owner's tags `names` (created as needed) to the bookmark.
  void attach_tags(std::int64_t owner_id, std::int64_t bookmark_id, const std::vector<std::string>& names,
                   support::Timestamp now, TagIds& tag_ids);
  // The id of the owner's tag `name`, created when missing.
  std::int64_t tag_id(std::int64_t owner_id, const std::string& name, support::Timestamp now);
  // Sets the bookmark's updated_at to `now` (its tags changed).
  void touch_bookmark(std::int64_t bookmark_id, support::Timestamp now);

  SqliteConnection connection_;
  const support::Clock& clock_;
  bool in_transaction_ = false;
};

}  // namespace pebble::store
