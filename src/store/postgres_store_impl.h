#pragma once
// Private to the postgres_*.cpp files: the PostgreSQL Store class, its methods spread over
// postgres_store.cpp (connection, transactions, users, tags, stats), postgres_bookmarks.cpp,
// postgres_feeds.cpp and postgres_jobs_metrics.cpp.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/open_store.h"
#include "store/postgres_connection.h"
#include "store/store.h"
#include "support/clock.h"

namespace pebble::store {

// The Store over one libpq connection; not thread-safe (one per thread or process).
class PostgresStore final : public Store {
 public:
  // Connects and migrates; every timestamp the store writes comes from options.clock.
  PostgresStore(const std::string& uri, const StoreOptions& options);

  std::string backend() const override { return "postgresql"; }
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
  // Runs `work` inside the caller's transaction, or inside one of its own when none is open, so
  // multi-statement methods stay atomic either way.
  void in_transaction(std::string_view purpose, const std::function<void()>& work);
  // Overwrites or merges the owner's existing row with the input's unique_hash (not kSkip).
  domain::UpsertOutcome update_existing_bookmark(std::int64_t owner_id, const domain::BookmarkInput& input,
                                                 domain::DuplicatePolicy policy);
  // Inserts the inputs whose unique_hash is new in one statement and tags them in two more; returns
  // the new row's id for each input that was created (the first of equal hashes), nullopt otherwise.
  std::vector<std::optional<std::int64_t>> insert_new_bookmarks(
      std::int64_t owner_id, const std::vector<domain::BookmarkInput>& inputs, support::Timestamp now);
  // Creates missing tags and links them to the bookmark (duplicates and empty names ignored);
  // returns how many links are new.
  std::int64_t attach_tags(std::int64_t owner_id, std::int64_t bookmark_id,
                           const std::vector<std::string>& names);
  // Opens a cursor over `sql` (inside the caller's transaction, or a read transaction of its own)
  // and hands each row to `visit_row`, FETCHing a batch at a time; `what` names it in errors.
  void stream_rows(const std::string& what, const std::string& sql, const Params& params,
                   const std::function<void(const Result&, int)>& visit_row);
  // Sets the bookmark's updated_at to now (its tags changed).
  void touch_bookmark(std::int64_t bookmark_id);

  Connection connection_;
  const support::Clock& clock_;
  bool in_transaction_ = false;
  std::int64_t cursor_counter_ = 0;  // names each cursor uniquely, so a visit may open another
};

// The columns every Bookmark row query selects, tags last (names joined by \x1f, sorted).
extern const char* const kBookmarkColumns;
// A Bookmark from a row selected with kBookmarkColumns.
domain::Bookmark bookmark_from_row(const Result& result, int row);

}  // namespace pebble::store
