#include "test_metrics_bookmarks.h"

#include <ostream>
#include <unistd.h>

#include "bookmarks/bookmark_edits.h"
#include "bookmarks/exporter.h"
#include "bookmarks/import_report.h"
#include "bookmarks/importer.h"
#include "domain/url.h"
#include "metrics/row_write_counters.h"
#include "support/error.h"

namespace pebble::cli {

namespace {

// The bookmark the manage step writes and deletes again (with a query naming the run).
constexpr const char* kDeletedUrl = "https://example.com/test-delete";

// The feed of the second sample Link: the self-test's own, never a production subscription.
constexpr const char* kSampleFeedUrl = "https://example.com/test-import-2/feed.xml";

// Two Links, one with a feed, as pebbling-club exports them. Rerunning updates them in place.
const std::string kSampleDocument = std::string(R"({
  "@context": ["https://www.w3.org/ns/activitystreams", {"pebbling": "https://pebbling.club/ns/",
    "feedUrl": "pebbling:feedUrl", "private": "pebbling:private", "toRead": "pebbling:toRead"}],
  "type": "Collection",
  "items": [
    {"type": "Link", "url": "https://example.com/test-import-1", "name": "pebble self-test import 1",
     "summary": "Imported by pebble test-metrics.", "published": "2025-01-01T00:00:00Z", "tag": ["pebble-test"]},
    {"type": "Link", "url": "https://example.com/test-import-2", "name": "pebble self-test import 2",
     "published": "2025-01-02T00:00:00Z", "tag": ["pebble-test", "feed"],
     "feedUrl": ")") + kSampleFeedUrl +
                                    R"(", "toRead": true}
  ]
})";

// A stream that throws away what it is given: the export step measures, it keeps no file.
class DiscardBuffer : public std::streambuf {
 protected:
  int_type overflow(int_type ch) override { return traits_type::not_eof(ch); }
  std::streamsize xsputn(const char*, std::streamsize count) override { return count; }
};

// Subscribes the sample feed before the import does, disabled as the self-test's own: the import
// then finds it, and no production poll ever fetches example.com or counts it failing.
void prepare_sample_feed(store::Store& store, metrics::MetricsRecorder& recorder) {
  store::Transaction transaction(store, store::TxMode::kWrite);
  auto [feed, created] = store.get_or_create_feed(kSampleFeedUrl);
  if (created) metrics::record_inserts(recorder, metrics::kModelFeed);
  if (!feed.disabled || feed.disabled_reason != domain::kSelfTestFeedReason) {
    feed.disabled = true;
    feed.disabled_reason = domain::kSelfTestFeedReason;
    store.update_feed(feed);
    if (!created) metrics::record_updates(recorder, metrics::kModelFeed);
  }
  recorder.flush(store);
  transaction.commit();
}

}  // namespace

nlohmann::json import_sample_step(store::Store& store, metrics::MetricsRecorder& recorder,
                                  const std::string& user, const support::Clock& clock) {
  prepare_sample_feed(store, recorder);
  bookmarks::ImportRequest request;
  request.source = "test-metrics sample";
  request.document = &kSampleDocument;
  request.duplicates = domain::DuplicatePolicy::kOverwrite;
  request.user = user;
  return bookmarks::summary_json(bookmarks::import_bookmarks(store, request, recorder, clock));
}

nlohmann::json export_sample_step(store::Store& store, metrics::MetricsRecorder& recorder,
                                  const std::string& user, const support::Clock& clock) {
  DiscardBuffer discard;
  std::ostream out(&discard);
  nlohmann::json steps = nlohmann::json::object();
  for (const auto format : {formats::BookmarkFormat::kNetscape, formats::BookmarkFormat::kActivityStreams}) {
    bookmarks::ExportRequest request;
    request.user = user;
    request.format = format;
    const auto result = bookmarks::export_bookmarks(store, request, recorder, out, clock);
    steps[std::string(formats::format_name(format))] = {{"items", result.items},
                                                        {"duration_seconds", result.seconds}};
  }
  return steps;
}

nlohmann::json manage_sample_step(store::Store& store, metrics::MetricsRecorder& recorder,
                                  const std::string& user, const support::Clock& clock) {
  const auto owner = store.find_user(user);
  if (!owner) throw support::Error("the self-test user " + user + " vanished");
  // The list `bookmarks list --search` runs: the full-text index, newest first.
  store::BookmarkQuery query;
  query.owner_id = owner->id;
  query.search = "pebble self-test";
  std::int64_t listed = 0;
  store.for_each_bookmark(query, [&](const domain::Bookmark&) { ++listed; });
  // A bookmark written for the purpose, then deleted through the path `bookmarks delete` takes.
  // Its URL is this run's own, so runs at the same time each create and delete exactly one.
  domain::BookmarkInput doomed;
  doomed.url = std::string(kDeletedUrl) + "?run=" + std::to_string(clock.now().micros) + "-" +
               std::to_string(getpid());
  doomed.unique_hash = domain::url_unique_hash(doomed.url);
  doomed.title = "pebble self-test bookmark to delete";
  {
    store::Transaction transaction(store, store::TxMode::kWrite);
    metrics::record_bookmark_outcomes(
        recorder, store.upsert_bookmarks(owner->id, {doomed}, domain::DuplicatePolicy::kOverwrite), "test");
    recorder.flush(store);
    transaction.commit();
  }
  const auto written = store.find_bookmark(owner->id, doomed.unique_hash);
  if (!written) throw support::Error("the self-test bookmark " + doomed.url + " was not written");
  const auto deleted = bookmarks::delete_bookmarks(store, recorder, {*written}, "test");
  return {{"listed", listed}, {"deleted", deleted.size()}};
}

}  // namespace pebble::cli
