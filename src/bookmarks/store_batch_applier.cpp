#include <set>

#include "bookmarks/import_appliers.h"
#include "bookmarks/import_tally.h"
#include "metrics/catalogue.h"
#include "metrics/row_write_counters.h"

namespace pebble::bookmarks {

StoreBatchApplier::StoreBatchApplier(ImportStores stores, domain::ImportJob& job,
                                     domain::DuplicatePolicy policy, metrics::MetricsRecorder& recorder)
    : stores_(stores), job_(job), policy_(policy), recorder_(recorder) {}

namespace {

// Makes the feed row of a subscription (title, site, tags, disabled state); false when the feed
// was already stored, which is left as it is.
bool subscribe(ImportStores stores, const formats::FeedSubscription& subscription) {
  auto [feed, created] = stores.feeds.get_or_create_feed(subscription.url);
  if (!created) return false;
  feed.title = subscription.title;
  feed.site_url = subscription.site_url;
  feed.disabled = subscription.disabled;
  feed.disabled_reason = subscription.disabled_reason;
  stores.feeds.update_feed(feed);
  if (!subscription.tags.empty()) stores.subscriptions.set_feed_tags(feed.id, subscription.tags);
  return true;
}

}  // namespace

void StoreBatchApplier::apply(std::vector<domain::BookmarkInput>& bookmarks,
                              std::vector<formats::FeedSubscription>& subscriptions,
                              std::vector<formats::ItemFailure>& failures, ImportTally& tally) {
  ImportTally next = tally;  // becomes the tally only once the batch is committed
  domain::ImportJob job = job_;
  store::Transaction transaction(stores_.transactions, store::TxMode::kWrite);
  std::int64_t feeds_created = 0;
  // Subscriptions first: a feed they make gets its metadata, and a bookmark's feed_url finds it.
  for (const formats::FeedSubscription& subscription : subscriptions) {
    if (subscribe(stores_, subscription)) ++feeds_created;
  }
  const auto outcomes = stores_.bookmarks.upsert_bookmarks(job.user_id, bookmarks, policy_);
  std::int64_t created = 0, updated = 0, skipped = 0;
  for (const domain::UpsertOutcome outcome : outcomes) {
    if (outcome == domain::UpsertOutcome::kCreated)
      ++created;
    else if (outcome == domain::UpsertOutcome::kUpdated)
      ++updated;
    else
      ++skipped;
  }
  std::set<std::string> feed_urls;  // one lookup per distinct feed in the batch
  for (const domain::BookmarkInput& bookmark : bookmarks) {
    if (bookmark.feed_url && !bookmark.feed_url->empty()) feed_urls.insert(*bookmark.feed_url);
  }
  for (const std::string& url : feed_urls) {
    if (stores_.feeds.get_or_create_feed(url).second) ++feeds_created;
  }
  for (formats::ItemFailure& failure : failures) add_failure(next, std::move(failure));
  next.total += static_cast<std::int64_t>(bookmarks.size() + failures.size());
  next.created += created;
  next.updated += updated;
  next.skipped += skipped;
  next.feeds_created += feeds_created;

  job.created_count = next.created;
  job.updated_count = next.updated;
  job.skipped_count = next.skipped;
  job.failed_count = next.failed;
  if (!failures.empty()) job.failed_details_json = failed_details_json(next);
  stores_.import_jobs.update_import_job(job);

  const std::string format = job.format;
  const auto processed = [&](const char* status, std::int64_t count) {
    if (count > 0) {
      recorder_.increment(metrics::metric::kImportItemsProcessedTotal,
                          {{"status", status}, {"format", format}}, static_cast<double>(count));
    }
  };
  processed("created", created);
  processed("updated", updated);
  processed("skipped", skipped);
  processed("failed", static_cast<std::int64_t>(failures.size()));
  metrics::record_bookmark_outcomes(recorder_, outcomes, "import");
  if (feeds_created > 0)
    metrics::record_inserts(recorder_, metrics::kModelFeed, static_cast<double>(feeds_created));
  metrics::record_updates(recorder_, metrics::kModelImportJob);
  recorder_.flush({stores_.metrics, stores_.transactions});
  transaction.commit();
  tally = std::move(next);
  job_ = std::move(job);
}

}  // namespace pebble::bookmarks
