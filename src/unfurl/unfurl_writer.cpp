#include "unfurl/unfurl_writer.h"

#include "metrics/catalogue.h"
#include "metrics/row_write_counters.h"
#include "unfurl/fill_rules.h"

namespace pebble::unfurl {

namespace {

// The row after this attempt: the attempt's status always, the page's metadata and validators only
// when it was read (a 304 keeps the stored metadata, and the stored validators unless new ones came).
domain::BookmarkUnfurl updated_row(const store::UnfurlTarget& target, const PageRead& read,
                                   support::Timestamp now) {
  domain::BookmarkUnfurl row = target.previous.value_or(domain::BookmarkUnfurl{});
  row.bookmark_id = target.bookmark_id;
  row.status = read.status;
  row.http_status = read.http_status;
  row.error = read.error.empty() ? std::nullopt : std::optional<std::string>(read.error);
  row.attempted_at = now;
  if (read.status != domain::UnfurlStatus::kSuccess) return row;
  row.unfurled_at = now;
  row.final_url = read.final_url;
  if (read.metadata) row.metadata = *read.metadata;
  if (!read.not_modified || read.etag) row.etag = read.etag;
  if (!read.not_modified || read.last_modified) row.last_modified = read.last_modified;
  return row;
}

}  // namespace

WrittenUnfurl write_unfurl(UnfurlStores stores, metrics::MetricsRecorder& recorder,
                           const store::UnfurlTarget& target, const PageRead& read,
                           const WriteOptions& options, support::Timestamp now) {
  WrittenUnfurl written;
  written.row = updated_row(target, read, now);
  if (read.status == domain::UnfurlStatus::kSuccess)
    written.filled = plan_fill(target, written.row.metadata, options.overwrite);
  // What is written now is what --overwrite may refresh later, as long as the bookmark keeps it.
  if (written.filled.title) written.row.filled.title = written.filled.title;
  if (written.filled.description) written.row.filled.description = written.filled.description;
  if (written.filled.feed_url) written.row.filled.feed_url = written.filled.feed_url;
  store::Transaction transaction(stores.transactions, store::TxMode::kWrite);
  if (stores.unfurls.save_unfurl(written.row)) {
    metrics::record_inserts(recorder, metrics::kModelBookmarkUnfurl);
  } else {
    metrics::record_updates(recorder, metrics::kModelBookmarkUnfurl);
  }
  if (written.filled.any() && stores.unfurls.fill_bookmark(target.bookmark_id, written.filled))
    metrics::record_bookmark_outcomes(recorder, {domain::UpsertOutcome::kUpdated}, options.source);
  if (written.filled.feed_url) {
    written.feed_subscribed = stores.feeds.get_or_create_feed(*written.filled.feed_url).second;
    if (written.feed_subscribed) metrics::record_inserts(recorder, metrics::kModelFeed);
  }
  recorder.increment(metrics::metric::kUnfurlOperationsTotal,
                     {{"status", domain::unfurl_status_name(read.status)}});
  recorder.observe(metrics::metric::kUnfurlDurationSeconds, {}, read.duration_seconds);
  recorder.flush({stores.metrics, stores.transactions});
  transaction.commit();
  return written;
}

}  // namespace pebble::unfurl
