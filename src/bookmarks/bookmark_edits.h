#pragma once
// The `bookmarks` commands' writes: add, tag, untag and delete one user's bookmarks. Each call is
// one write transaction holding the rows and their metric deltas (bookmark_operations_total
// {source="cli"}, pebble_model_*_total{model="bookmark"}), as the batch commands record theirs.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/model.h"
#include "metrics/recorder.h"
#include "store/bookmark_store.h"
#include "store/metric_store.h"
#include "store/roles.h"
#include "store/transaction_store.h"

namespace pebble::bookmarks {

// The store roles the bookmark edits use, in transactions of their own.
struct BookmarkEditStores {
  // The roles of one object (the whole Store, or a fake of just these); implicit, so callers pass it as is.
  template <typename Roles>
  requires store::implements_roles<Roles, store::BookmarkStore, store::MetricStore, store::TransactionStore>
  BookmarkEditStores(Roles& store) : bookmarks(store), metrics(store), transactions(store) {}

  store::BookmarkStore& bookmarks;
  store::MetricStore& metrics;
  store::TransactionStore& transactions;
};

// What `bookmarks add` was given.
struct NewBookmark {
  std::string url;  // an absolute http(s) URL (domain::absolute_http_url)
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::vector<std::string> tags;
};

// What an add did.
enum class AddOutcome { kCreated, kUpdated, kUnchanged };

// Adds the bookmark for `user` (created when missing). A bookmark with the same unique_hash is
// updated instead: a given title or description replaces the stored one and the tags are added.
// Returns what happened and the row as stored. (The command unfurls a new bookmark afterwards to
// fill what was not given: unfurl/unfurler.h.)
std::pair<AddOutcome, domain::Bookmark> add_bookmark(BookmarkEditStores stores,
                                                     metrics::MetricsRecorder& recorder,
                                                     const std::string& user, const NewBookmark& request);

// The owner's bookmark a user names: a decimal id, else a URL (matched by unique_hash, so any
// spelling of it); nullopt when none matches.
std::optional<domain::Bookmark> find_bookmark(store::BookmarkStore& bookmarks, std::int64_t owner_id,
                                              std::string_view reference);

// Adds (tag) or removes (untag) `names` on the bookmark; returns how many links changed, counted
// as one update of the bookmark when any did.
std::int64_t retag_bookmark(BookmarkEditStores stores, metrics::MetricsRecorder& recorder,
                            const domain::Bookmark& bookmark, const std::vector<std::string>& names,
                            bool add);

// Deletes the bookmarks (their tag links go, the tags stay); returns the ones deleted.
std::vector<domain::Bookmark> delete_bookmarks(BookmarkEditStores stores, metrics::MetricsRecorder& recorder,
                                               const std::vector<domain::Bookmark>& bookmarks,
                                               const std::string& source);

}  // namespace pebble::bookmarks
