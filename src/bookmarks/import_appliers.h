#pragma once
// The two ways a batch of imported bookmarks is applied: written to the store together with the
// import job's progress and the metric deltas, or judged against the store for a dry run.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>

#include "bookmarks/import_batcher.h"
#include "bookmarks/import_stores.h"
#include "metrics/recorder.h"

namespace pebble::bookmarks {

// Writes each batch in one transaction: upserts, feed rows, the import_jobs progress update and the
// metric deltas commit together, so a killed import leaves a consistent store. A subscription makes
// a feed row with its title, site, tags and disabled state; a feed already stored is left as it is.
class StoreBatchApplier : public BatchApplier {
 public:
  StoreBatchApplier(ImportStores stores, domain::ImportJob& job, domain::DuplicatePolicy policy,
                    metrics::MetricsRecorder& recorder);
  void apply(std::vector<domain::BookmarkInput>& bookmarks,
             std::vector<formats::FeedSubscription>& subscriptions,
             std::vector<formats::ItemFailure>& failures, ImportTally& tally) override;

 private:
  ImportStores stores_;
  domain::ImportJob& job_;
  domain::DuplicatePolicy policy_;
  metrics::MetricsRecorder& recorder_;
};

// Predicts each item's outcome from the store's current rows without writing anything. Hashes seen
// earlier in the file are remembered (64 bytes each) so in-file duplicates are judged as a real
// run would judge them.
class DryRunApplier : public BatchApplier {
 public:
  DryRunApplier(ImportStores stores, std::optional<std::int64_t> owner_id, domain::DuplicatePolicy policy);
  void apply(std::vector<domain::BookmarkInput>& bookmarks,
             std::vector<formats::FeedSubscription>& subscriptions,
             std::vector<formats::ItemFailure>& failures, ImportTally& tally) override;

 private:
  domain::UpsertOutcome judge(const domain::BookmarkInput& bookmark);

  ImportStores stores_;
  std::optional<std::int64_t> owner_id_;
  domain::DuplicatePolicy policy_;
  std::unordered_set<std::string> seen_hashes_;
  std::set<std::string> seen_feeds_;
};

}  // namespace pebble::bookmarks
