#pragma once
// Vocabulary types of the store's data model (SPEC §2), shared by every layer above `support`.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/text_type.h"
#include "support/time.h"

namespace pebble::domain {

// A row of `users`.
struct User {
  std::int64_t id = 0;
  std::string username;
  std::optional<std::string> email;
  support::Timestamp created_at;
  support::Timestamp updated_at;
};

// What a writer supplies for one bookmark; unset timestamps become "now" on insert.
struct BookmarkInput {
  std::string url;          // exactly as given
  std::string unique_hash;  // sha256 hex of the normalized url (domain/url.h)
  std::string title;        // may be empty, never null
  std::optional<std::string> description;
  std::optional<std::string> feed_url;
  bool is_private = false;
  bool to_read = false;
  std::optional<support::Timestamp> created_at;
  std::optional<support::Timestamp> updated_at;
  std::vector<std::string> tags;  // tag names, duplicates ignored
};

// A stored bookmark with its tag names (sorted by name).
struct Bookmark {
  std::int64_t id = 0;
  std::int64_t owner_id = 0;
  std::string url;
  std::string unique_hash;
  std::string title;
  std::optional<std::string> description;
  std::optional<std::string> feed_url;
  bool is_private = false;
  bool to_read = false;
  support::Timestamp created_at;
  support::Timestamp updated_at;
  std::vector<std::string> tags;
};

// How an incoming bookmark meets an existing one with the same (owner, unique_hash) (SPEC §4).
enum class DuplicatePolicy { kSkip, kOverwrite, kMerge };

// What a bookmark upsert did.
enum class UpsertOutcome { kCreated, kUpdated, kSkipped };

// A row of `tags`.
struct Tag {
  std::int64_t id = 0;
  std::int64_t owner_id = 0;
  std::string name;
  bool is_system = false;
};

// The disabled_reason of the feeds `pebble test-metrics` owns (its loopback feed and the feed of its
// sample import). They stay disabled, so production polls skip them, and the store leaves them out
// of the feed gauges (pebble_feeds, pebble_feeds_due, active_feeds_count).
inline constexpr const char* kSelfTestFeedReason = "pebble test-metrics";

// A row of `feeds`: identity, metadata and the poller's state.
struct Feed {
  std::int64_t id = 0;
  std::string url;
  std::optional<std::string> title;
  std::optional<std::string> site_url;
  std::optional<std::string> description;
  bool disabled = false;
  std::optional<std::string> disabled_reason;
  std::optional<std::string> etag;
  std::optional<std::string> last_modified;
  std::optional<support::Timestamp> newest_item_date;
  std::optional<support::Timestamp> last_polled_at;
  std::optional<int> last_status;  // HTTP status of the last poll, null for network errors
  std::optional<std::string> last_error;
  int consecutive_failures = 0;
  std::optional<support::Timestamp> next_poll_at;
  std::optional<std::string> lease_owner;
  std::optional<support::Timestamp> lease_until;
  support::Timestamp created_at;
  support::Timestamp updated_at;
  // Set when a column of the stored row did not read as a timestamp (a row written before the store
  // clamped them): that column was left empty, and polling the feed writes it afresh.
  std::optional<std::string> unreadable;
};

// How many of a feed's items are kept once they leave its document (PEBBLE_ITEM_RETENTION);
// items still in the document are always kept, so a poll never deletes what the next one re-adds.
struct ItemRetention {
  std::optional<std::int64_t> keep_newest;      // at most this many items per feed
  std::optional<std::int64_t> max_age_seconds;  // none dated longer ago than this
  bool any() const { return keep_newest.has_value() || max_age_seconds.has_value(); }
  // Items dated before this are too old, when max_age_seconds is set.
  std::optional<support::Timestamp> oldest_kept(support::Timestamp now) const {
    if (!max_age_seconds) return std::nullopt;
    return support::Timestamp{now.micros - *max_age_seconds * 1'000'000};
  }
};

// One parsed feed entry as the poller hands it to the store.
struct FeedItemInput {
  std::string guid;
  std::optional<std::string> link;
  std::optional<std::string> title;
  std::optional<std::string> summary;
  std::optional<std::string> content;
  std::optional<std::string> author;
  std::optional<support::Timestamp> published_at;
  std::optional<support::Timestamp> entry_updated_at;
  std::string extra_json = "{}";  // categories, enclosures, authors, podcast and media fields
  TextType title_type = TextType::kText;
  TextType summary_type = TextType::kHtml;
  TextType content_type = TextType::kHtml;
  // A digest of the item as the feed sent it, before sanitizing (parse/item_fingerprint.h): a poll
  // that finds the same one leaves the row as it is.
  std::optional<std::string> source_fingerprint;
};

// A stored feed item.
struct FeedItem {
  std::int64_t id = 0;
  std::int64_t feed_id = 0;
  std::string guid;
  std::optional<std::string> link;
  std::optional<std::string> title;
  std::optional<std::string> summary;
  std::optional<std::string> content;
  std::optional<std::string> author;
  std::optional<support::Timestamp> published_at;
  std::optional<support::Timestamp> entry_updated_at;
  support::Timestamp first_seen_at;
  support::Timestamp last_seen_at;
  std::string extra_json;
  TextType title_type = TextType::kText;
  TextType summary_type = TextType::kHtml;
  TextType content_type = TextType::kHtml;
  std::optional<std::string> source_fingerprint;
};

// Whether an item upsert inserted a new row or refreshed an existing one.
enum class ItemUpsertOutcome { kInserted, kUpdated };

// A row of `import_jobs`; JSON columns are kept as JSON text.
struct ImportJob {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string source;  // file path or "-" for stdin
  std::string format;
  std::string status = "pending";  // pending, processing, completed, failed, cancelled
  std::int64_t file_size = 0;
  std::optional<std::int64_t> total;
  std::int64_t created_count = 0;
  std::int64_t updated_count = 0;
  std::int64_t skipped_count = 0;
  std::int64_t failed_count = 0;
  std::string failed_details_json = "[]";
  std::string options_json = "{}";
  std::optional<std::string> error_message;
  std::optional<support::Timestamp> started_at;
  std::optional<support::Timestamp> completed_at;
  support::Timestamp created_at;
  support::Timestamp updated_at;
};

// A row of `job_runs`: one execution of a batch command.
struct JobRun {
  std::int64_t id = 0;
  std::string command;
  support::Timestamp started_at;
  std::optional<support::Timestamp> finished_at;
  std::string status;  // ok, partial, failed
  std::string summary_json = "{}";
};

}  // namespace pebble::domain
