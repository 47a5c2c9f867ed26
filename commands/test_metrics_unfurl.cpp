#include "test_metrics_unfurl.h"

#include "bookmarks/bookmark_edits.h"
#include "domain/url.h"
#include "http/http_client.h"
#include "http_server/http_server.h"
#include "metrics/row_write_counters.h"
#include "support/error.h"
#include "unfurl/unfurler.h"

namespace pebble::cli {

namespace {

constexpr const char* kPagePath = "/pebble-test-metrics/page.html";
// The feed of the self-test's sample import (test_metrics_bookmarks.cpp): its row exists, disabled,
// so filling a feed_url from this page subscribes nothing production would poll.
constexpr const char* kAnnouncedFeed = "https://example.com/test-import-2/feed.xml";

const std::string kPage = std::string(R"(<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>pebble test-metrics page</title>
<meta property="og:title" content="pebble test-metrics page">
<meta property="og:description" content="Served by pebble test-metrics and read by its unfurler.">
<meta property="og:site_name" content="pebble">
<link rel="alternate" type="application/rss+xml" title="sample feed" href=")") +
                          kAnnouncedFeed + R"(">
<link rel="icon" href="/favicon.ico">
</head><body><p>pebble test-metrics</p></body></html>
)";

// Adds the run's bookmark of the page (no title: the unfurl fills it) in one transaction.
domain::Bookmark add_page_bookmark(store::Store& store, metrics::MetricsRecorder& recorder,
                                   const std::string& user, const std::string& url) {
  store::Transaction transaction(store, store::TxMode::kWrite);
  const auto [owner, created] = store.get_or_create_user(user);
  if (created) metrics::record_inserts(recorder, metrics::kModelUser);
  domain::BookmarkInput input;
  input.url = url;
  input.unique_hash = domain::url_unique_hash(url);
  metrics::record_bookmark_outcomes(
      recorder, store.upsert_bookmarks(owner.id, {input}, domain::DuplicatePolicy::kSkip), "test");
  domain::Bookmark bookmark = *store.find_bookmark(owner.id, input.unique_hash);
  recorder.flush(store);
  transaction.commit();
  return bookmark;
}

}  // namespace

nlohmann::json unfurl_sample_step(store::Store& store, metrics::MetricsRecorder& recorder,
                                  const std::string& user, const support::Clock& clock) {
  http_server::ServerOptions server_options;
  server_options.threads = 1;
  http_server::HttpServer server(server_options, [](const http_server::HttpRequest& request) {
    if (request.path != kPagePath) return http_server::make_response(404, "not found\n");
    return http_server::make_response(200, kPage, "text/html; charset=utf-8");
  });
  server.start();
  const std::string url = "http://" + server.address() + kPagePath;  // a new bookmark each run: its port
  const domain::Bookmark bookmark = add_page_bookmark(store, recorder, user, url);
  std::optional<unfurl::PageReport> report;
  try {
    http::FetcherOptions fetch;
    fetch.timeout = std::chrono::seconds(10);
    fetch.deny_private_networks = false;  // the server is on loopback by design
    const auto fetcher = http::make_curl_fetcher(unfurl::page_fetch_options(fetch));
    unfurl::UnfurlOptions options;
    options.write.source = "test";
    unfurl::Unfurler(store, *fetcher, recorder, options, clock)
        .unfurl(
            {*store.unfurl_target(bookmark.id)}, [&](const unfurl::PageReport& page) { report = page; },
            nullptr);
  } catch (...) {
    bookmarks::delete_bookmarks(store, recorder, {bookmark}, "test");  // never left behind
    throw;
  }
  server.stop();
  bookmarks::delete_bookmarks(store, recorder, {bookmark}, "test");
  if (!report || report->read.status != domain::UnfurlStatus::kSuccess)
    throw support::Error("self-test unfurl of " + url + ": " +
                         (report ? report->read.error : "not unfurled"));
  const domain::PageMetadata& metadata = report->written.row.metadata;
  const store::BookmarkFill& filled = report->written.filled;
  if (!filled.title || !filled.description || filled.feed_url != kAnnouncedFeed)
    throw support::Error("self-test unfurl of " + url +
                         ": the bookmark's title, description and feed were not filled");
  return {{"page_url", url},
          {"title", metadata.title.value_or("")},
          {"feeds", metadata.feeds.size()},
          {"duration_seconds", report->read.duration_seconds}};
}

}  // namespace pebble::cli
