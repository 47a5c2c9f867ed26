#pragma once
// The sink between a streaming reader and the store: checks each item, collects a batch and hands
// it to an applier (one write transaction per batch), so memory is bounded by the batch size.
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "bookmarks/import_request.h"
#include "formats/bookmark_record.h"

namespace pebble::bookmarks {

// What is done with one batch: written to the store, or judged against it for a dry run.
class BatchApplier {
 public:
  virtual ~BatchApplier() = default;
  // Applies `bookmarks`, `subscriptions` and `failures` (each in file order) and updates `tally`
  // when done.
  virtual void apply(std::vector<domain::BookmarkInput>& bookmarks,
                     std::vector<formats::FeedSubscription>& subscriptions,
                     std::vector<formats::ItemFailure>& failures, ImportTally& tally) = 0;
};

// Thrown out of the reader when a stop was requested; the batch read so far has been applied.
class ImportInterrupted : public std::runtime_error {
 public:
  ImportInterrupted() : std::runtime_error("import interrupted") {}
};

// Collects items into batches of `batch_size` and applies them.
class ImportBatcher : public formats::BookmarkSink {
 public:
  // `total_bytes` is the input's size, passed on to the progress hook.
  ImportBatcher(const ImportRequest& request, const ImportHooks& hooks, BatchApplier& applier,
                ImportTally& tally, std::uint64_t total_bytes);

  void on_bookmark(formats::ParsedBookmark bookmark) override;
  void on_subscription(formats::FeedSubscription subscription) override;
  void on_failure(formats::ItemFailure failure) override;
  void on_progress(std::uint64_t bytes_consumed) override;

  // Applies the last, partial batch.
  void finish();

 private:
  void apply_batch();
  // Whether a batch is waiting to be applied.
  bool has_batch() const { return !bookmarks_.empty() || !subscriptions_.empty() || !failures_.empty(); }
  // Applies the batch once it holds batch_size entries.
  void apply_when_full();
  void check_stop();
  void report_progress();

  const ImportRequest& request_;
  const ImportHooks& hooks_;
  BatchApplier& applier_;
  ImportTally& tally_;
  std::vector<domain::BookmarkInput> bookmarks_;
  std::vector<formats::FeedSubscription> subscriptions_;
  std::vector<formats::ItemFailure> failures_;
  std::uint64_t bytes_ = 0;
  std::uint64_t total_bytes_ = 0;
  std::uint64_t items_ = 0;
};

}  // namespace pebble::bookmarks
