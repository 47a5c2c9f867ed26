#include "bookmarks/bookmark_edits.h"

#include <algorithm>
#include <charconv>

#include "domain/feed_url.h"
#include "domain/url.h"
#include "metrics/row_write_counters.h"
#include "support/error.h"

namespace pebble::bookmarks {

namespace {

// The source label of bookmark_operations_total for these commands.
constexpr const char* kSource = "cli";

// An empty description is no description: no export format tells them apart.
std::optional<std::string> description_of(const std::optional<std::string>& given) {
  if (!given || given->empty()) return std::nullopt;
  return given;
}

// The stored bookmark with the request's title, description and tags applied; nullopt when that
// changes nothing.
std::optional<domain::BookmarkInput> updated_input(const domain::Bookmark& existing,
                                                   const NewBookmark& request) {
  domain::BookmarkInput input;
  input.url = existing.url;
  input.unique_hash = existing.unique_hash;
  input.title = request.title.value_or(existing.title);
  input.description = request.description ? description_of(request.description) : existing.description;
  input.feed_url = existing.feed_url;
  input.is_private = existing.is_private;
  input.to_read = existing.to_read;
  input.created_at = existing.created_at;
  input.tags = existing.tags;
  for (const std::string& tag : request.tags) {
    if (std::find(input.tags.begin(), input.tags.end(), tag) == input.tags.end()) input.tags.push_back(tag);
  }
  const bool changed = input.title != existing.title || input.description != existing.description ||
                       input.tags.size() != existing.tags.size();
  if (!changed) return std::nullopt;
  return input;
}

}  // namespace

std::pair<AddOutcome, domain::Bookmark> add_bookmark(BookmarkEditStores stores,
                                                     metrics::MetricsRecorder& recorder,
                                                     const std::string& user, const NewBookmark& request) {
  const std::string hash = domain::url_unique_hash(request.url);
  domain::BookmarkInput input;
  input.url = request.url;
  input.unique_hash = hash;
  input.title = request.title.value_or("");
  input.description = description_of(request.description);
  input.tags = request.tags;
  store::Transaction transaction(stores.transactions, store::TxMode::kWrite);
  const auto [row, user_created] = stores.bookmarks.get_or_create_user(user);
  if (user_created) metrics::record_inserts(recorder, metrics::kModelUser);
  AddOutcome outcome = AddOutcome::kCreated;
  if (const auto existing = stores.bookmarks.find_bookmark(row.id, hash)) {
    const auto update = updated_input(*existing, request);
    outcome = update ? AddOutcome::kUpdated : AddOutcome::kUnchanged;
    if (update) {
      const auto outcomes =
          stores.bookmarks.upsert_bookmarks(row.id, {*update}, domain::DuplicatePolicy::kOverwrite);
      metrics::record_bookmark_outcomes(recorder, outcomes, kSource);
    }
  } else {
    const auto outcomes = stores.bookmarks.upsert_bookmarks(row.id, {input}, domain::DuplicatePolicy::kSkip);
    metrics::record_bookmark_outcomes(recorder, outcomes, kSource);
  }
  domain::Bookmark stored = *stores.bookmarks.find_bookmark(row.id, hash);
  recorder.flush({stores.metrics, stores.transactions});
  transaction.commit();
  return {outcome, std::move(stored)};
}

std::optional<domain::Bookmark> find_bookmark(store::BookmarkStore& bookmarks, std::int64_t owner_id,
                                              std::string_view reference) {
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(reference.data(), reference.data() + reference.size(), id);
  if (!reference.empty() && error == std::errc{} && end == reference.data() + reference.size())
    return bookmarks.get_bookmark(owner_id, id);
  if (auto found = bookmarks.find_bookmark(owner_id, domain::url_unique_hash(reference))) return found;
  try {  // `host/path` names the bookmark of http://host/path
    return bookmarks.find_bookmark(owner_id, domain::url_unique_hash(domain::absolute_http_url(reference)));
  } catch (const support::UsageError&) {
    return std::nullopt;
  }
}

std::int64_t retag_bookmark(BookmarkEditStores stores, metrics::MetricsRecorder& recorder,
                            const domain::Bookmark& bookmark, const std::vector<std::string>& names,
                            bool add) {
  store::Transaction transaction(stores.transactions, store::TxMode::kWrite);
  const std::int64_t changed =
      add ? stores.bookmarks.add_bookmark_tags(bookmark.owner_id, bookmark.id, names)
          : stores.bookmarks.remove_bookmark_tags(bookmark.owner_id, bookmark.id, names);
  if (changed > 0) metrics::record_bookmark_outcomes(recorder, {domain::UpsertOutcome::kUpdated}, kSource);
  recorder.flush({stores.metrics, stores.transactions});
  transaction.commit();
  return changed;
}

std::vector<domain::Bookmark> delete_bookmarks(BookmarkEditStores stores, metrics::MetricsRecorder& recorder,
                                               const std::vector<domain::Bookmark>& bookmarks,
                                               const std::string& source) {
  store::Transaction transaction(stores.transactions, store::TxMode::kWrite);
  std::vector<domain::Bookmark> deleted;
  for (const domain::Bookmark& bookmark : bookmarks) {
    if (stores.bookmarks.delete_bookmark(bookmark.id)) deleted.push_back(bookmark);
  }
  metrics::record_bookmark_deletes(recorder, static_cast<double>(deleted.size()), source);
  recorder.flush({stores.metrics, stores.transactions});
  transaction.commit();
  return deleted;
}

}  // namespace pebble::bookmarks
