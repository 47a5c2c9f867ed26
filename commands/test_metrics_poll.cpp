#include "test_metrics_poll.h"

#include <mutex>
#include <thread>
#include <unistd.h>

#include "http/http_client.h"
#include "http_server/http_server.h"
#include "metrics/row_write_counters.h"
#include "poll/poller.h"

namespace pebble::cli {

namespace {

constexpr const char* kFeedPath = "/pebble-self-test/feed.xml";
// How long a run may hold the self-test row it claimed, should it die before its poll releases it.
constexpr std::chrono::microseconds kSelfTestLease = std::chrono::seconds(30);

// Two fixed items and one named after this run, so every run's first poll discovers something.
std::string self_test_feed(const std::string& run_id) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<rss version=\"2.0\"><channel><title>pebble self-test feed</title>"
         "<link>https://example.com/</link><description>Served by pebble "
         "test-metrics.</description><ttl>60</ttl>"
         "<item><title>Self-test item 1</title><link>https://example.com/self-test/1</link>"
         "<guid>pebble-self-test-1</guid><pubDate>Sat, 28 Jun 2025 21:34:00 GMT</pubDate></item>"
         "<item><title>Self-test item 2</title><link>https://example.com/self-test/2</link>"
         "<guid>pebble-self-test-2</guid><pubDate>Sun, 29 Jun 2025 08:00:00 GMT</pubDate></item>"
         "<item><title>Self-test run " +
         run_id + "</title><guid>pebble-self-test-run-" + run_id + "</guid></item></channel></rss>\n";
}

http_server::HttpResponse answer(const http_server::HttpRequest& request, const std::string& body,
                                 const std::string& etag) {
  if (request.path != kFeedPath) return http_server::make_response(404, "not found\n");
  if (request.headers.get("If-None-Match") == etag) {
    http_server::HttpResponse response;
    response.status = 304;
    response.headers.set("ETag", etag);
    return response;
  }
  http_server::HttpResponse response =
      http_server::make_response(200, body, "application/rss+xml; charset=utf-8");
  response.headers.set("ETag", etag);
  return response;
}

// The one self-test row, moved to `url`, with no validators and disabled as the self-test's own
// (created so on first use, in the same transaction: a production poll never sees it enabled).
// The row is claimed under `lease_owner` before it is changed, so an overlapping run never writes
// back a copy it read while another run held the lease (on PostgreSQL that stale copy brought a
// finished run's lease back to life and both runs then skipped the feed until it expired);
// nullopt while another run holds it.
std::optional<domain::Feed> prepare_feed(store::Store& store, metrics::MetricsRecorder& recorder,
                                         const std::string& url, const std::string& lease_owner,
                                         const support::Clock& clock) {
  store::Transaction transaction(store, store::TxMode::kWrite);
  std::optional<std::int64_t> found_id;
  for (const domain::Feed& feed : store.list_feeds()) {
    if (feed.url.find(kFeedPath) != std::string::npos) {
      found_id = feed.id;
      break;
    }
  }
  const bool created = !found_id;
  if (created) found_id = store.get_or_create_feed(url).first.id;
  store::FeedClaim claim;
  claim.now = clock.now();
  claim.lease_owner = lease_owner;
  claim.lease_until = support::Timestamp{claim.now.micros + kSelfTestLease.count()};
  claim.feed_ids = {*found_id};
  std::vector<domain::Feed> claimed = store.claim_feeds(claim);
  if (claimed.empty()) return std::nullopt;  // rolled back: another run is polling the row
  domain::Feed feed = std::move(claimed.front());
  feed.url = url;
  feed.etag.reset();
  feed.last_modified.reset();
  feed.next_poll_at.reset();
  feed.disabled = true;
  feed.disabled_reason = domain::kSelfTestFeedReason;
  store.update_feed(feed);
  if (created) {
    metrics::record_inserts(recorder, metrics::kModelFeed);
  } else {
    metrics::record_updates(recorder, metrics::kModelFeed);
  }
  recorder.flush(store);
  transaction.commit();
  return feed;
}

}  // namespace

SelfTestPollResult run_self_test_poll(store::Store& store, metrics::MetricsRecorder& recorder,
                                      std::chrono::seconds interval, const support::Clock& clock) {
  // Each attempt serves a new item, so a retried attempt finds new items again.
  std::mutex content_mutex;
  std::string body;
  std::string etag;
  const auto new_content = [&] {
    const std::string run_id = std::to_string(clock.now().micros);
    std::lock_guard lock(content_mutex);
    body = self_test_feed(run_id);
    etag = "\"pebble-self-test-" + run_id + "\"";
  };
  new_content();
  http_server::ServerOptions server_options;
  server_options.threads = 2;
  http_server::HttpServer server(server_options, [&](const http_server::HttpRequest& request) {
    std::lock_guard lock(content_mutex);
    return answer(request, body, etag);
  });
  server.start();

  SelfTestPollResult result;
  result.feed_url = "http://" + server.address() + kFeedPath;
  http::FetcherOptions fetch;
  fetch.timeout = std::chrono::seconds(10);
  fetch.deny_private_networks = false;  // the server is on loopback by design
  const auto fetcher = http::make_curl_fetcher(fetch);
  poll::PollOptions options;
  options.interval = interval;
  options.lease_owner = "test-metrics:" + std::to_string(getpid());
  std::vector<poll::FeedReport> reports;
  const auto keep = [&](poll::FeedReport& report) { reports.push_back(std::move(report)); };
  // Two overlapping test-metrics runs share the one test feed row: while the other run holds its
  // lease the poll is skipped, or the row points at the other run's server; wait a moment (the other
  // run takes a few seconds at most) and try again. The retry deadline is a real wait for another
  // process, so it runs on the steady clock, not on `clock`.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  for (bool first_attempt = true;; first_attempt = false) {
    if (!first_attempt) {
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
      new_content();
    }
    reports.clear();
    const std::optional<domain::Feed> feed =
        prepare_feed(store, recorder, result.feed_url, options.lease_owner, clock);
    if (feed) {
      options.feed_ids = {feed->id};
      poll::Poller(store, *fetcher, recorder, options, clock).run(keep, nullptr);
      poll::Poller(store, *fetcher, recorder, options, clock).run(keep, nullptr);
    }
    const bool clean = reports.size() == 2 && reports[0].outcome.status == poll::PollStatus::kSuccess &&
                       reports[0].new_items > 0 &&
                       reports[1].outcome.status == poll::PollStatus::kNotModified;
    // An overlapping run may also have moved the row to its own server between our two polls.
    if (clean || std::chrono::steady_clock::now() >= deadline) break;
  }
  server.stop();

  if (reports.size() != 2)
    throw support::Error("self-test poll of " + result.feed_url + ": the test feed was not polled twice");
  result.first_status = reports[0].outcome.status;
  result.first_new_items = reports[0].new_items;
  result.second_status = reports[1].outcome.status;
  if (result.first_status != poll::PollStatus::kSuccess || result.first_new_items == 0) {
    throw support::Error("self-test poll of " + result.feed_url + ": first poll was " +
                         poll::poll_status_name(result.first_status) + " with " +
                         std::to_string(result.first_new_items) +
                         " new item(s): " + reports[0].outcome.error);
  }
  if (result.second_status != poll::PollStatus::kNotModified) {
    throw support::Error("self-test poll of " + result.feed_url + ": second poll was " +
                         poll::poll_status_name(result.second_status) +
                         ", expected not_modified: " + reports[1].outcome.error);
  }
  return result;
}

}  // namespace pebble::cli
