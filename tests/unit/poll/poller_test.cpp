// The poller against a fake fetcher and an in-memory SQLite store: selection, storing, reporting.
#include "poll/poller.h"

#include <map>

#include <catch2/catch.hpp>

#include "metrics/catalogue.h"
#include "poll/poll_schedule.h"
#include "store/open_store.h"
#include "support/clock.h"

namespace {

std::string rss(const std::vector<std::string>& guids) {
  std::string body = "<rss version=\"2.0\"><channel><title>Feed</title><link>https://site.example/</link>";
  for (const auto& guid : guids) body += "<item><guid>" + guid + "</guid><title>" + guid + "</title></item>";
  return body + "</channel></rss>";
}

// Answers from a table of canned responses and remembers what was asked.
class FakeFetcher : public pebble::http::Fetcher {
 public:
  std::map<std::string, pebble::http::FetchResponse> answers;
  std::vector<pebble::http::FetchRequest> seen;
  void fetch_all(const std::vector<pebble::http::FetchRequest>& requests, const pebble::http::FetchDone& done,
                 const std::atomic<bool>* stop) override {
    for (std::size_t i = 0; i < requests.size(); ++i) {
      seen.push_back(requests[i]);
      pebble::http::FetchResponse response;
      if (stop != nullptr && stop->load()) {
        response.failure = pebble::http::FetchFailure::kCancelled;
      } else if (auto found = answers.find(requests[i].url); found != answers.end()) {
        response = found->second;
      } else {
        response.failure = pebble::http::FetchFailure::kDns;
        response.error = requests[i].url + ": could not resolve";
      }
      if (response.final_url.empty()) response.final_url = requests[i].url;
      done(i, response);
    }
  }
};

pebble::http::FetchResponse ok(std::string body, std::optional<std::string> etag = std::nullopt) {
  pebble::http::FetchResponse response;
  response.status = 200;
  response.body = std::move(body);
  response.etag = std::move(etag);
  return response;
}

// Options without designated initializers (-Wmissing-field-initializers).
pebble::poll::PollOptions for_urls(std::vector<std::string> urls, bool dry_run = false) {
  pebble::poll::PollOptions options;
  options.urls = std::move(urls);
  options.dry_run = dry_run;
  return options;
}

pebble::poll::PollOptions scheduled(std::optional<std::int64_t> limit = std::nullopt, bool all = false) {
  pebble::poll::PollOptions options;
  options.limit = limit;
  options.all = all;
  return options;
}

// 2026-03-01T12:00:00Z; the poller reads no other time, so schedules and leases are exact.
constexpr pebble::support::Timestamp kStart{1'772'366'400'000'000};

struct Fixture {
  std::unique_ptr<pebble::store::Store> store = pebble::store::open_store("sqlite::memory:");
  pebble::support::ManualClock clock{kStart};
  FakeFetcher fetcher;
  pebble::metrics::MetricsRecorder recorder{"poll-feeds", pebble::config::MetricsSettings{}};
  std::vector<pebble::poll::FeedReport> reports;

  pebble::poll::PollSummary run(pebble::poll::PollOptions options) {
    if (options.lease_owner.empty()) options.lease_owner = "test-worker";
    return pebble::poll::Poller(*store, fetcher, recorder, options, clock)
        .run([&](pebble::poll::FeedReport& report) { reports.push_back(std::move(report)); }, nullptr);
  }
  double counter(std::string_view family, const std::string& labels_part) {
    double total = 0;
    for (const auto& value : store->read_counters()) {
      if (value.family == family && value.labels.find(labels_part) != std::string::npos) total += value.value;
    }
    return total;
  }
};

}  // namespace

TEST_CASE("URLs given are subscribed, polled and their items stored once", "[poller]") {
  Fixture fixture;
  fixture.fetcher.answers["https://a.example/feed"] = ok(rss({"1", "2"}), "\"e1\"");
  auto summary = fixture.run(for_urls({"https://a.example/feed"}));
  CHECK(summary.polled == 1);
  CHECK(summary.ok == 1);
  CHECK(summary.new_items == 2);
  REQUIRE(fixture.reports.size() == 1);
  CHECK(fixture.reports[0].items.size() == 2);
  const auto feed = fixture.store->find_feed_by_url("https://a.example/feed");
  REQUIRE(feed);
  CHECK(feed->etag == "\"e1\"");
  CHECK(feed->title == "Feed");
  CHECK_FALSE(feed->lease_owner.has_value());
  CHECK(fixture.store->list_feed_items(feed->id).size() == 2);
  CHECK(fixture.counter("feed_polls_total", "success") == 1);
  CHECK(fixture.counter("feed_items_discovered_total", "") == 2);

  // Second poll: one new item; only it is reported, and the stored ETag is sent back.
  fixture.fetcher.answers["https://a.example/feed"] = ok(rss({"1", "2", "3"}), "\"e2\"");
  summary = fixture.run(for_urls({"https://a.example/feed"}));
  CHECK(summary.new_items == 1);
  REQUIRE(fixture.reports.size() == 2);
  REQUIRE(fixture.reports[1].items.size() == 1);
  CHECK(fixture.reports[1].items[0].guid == "3");
  CHECK(fixture.fetcher.seen.back().etag == "\"e1\"");
  CHECK(fixture.store->list_feed_items(feed->id).size() == 3);
  CHECK(fixture.counter("feed_items_discovered_total", "") == 3);
}

TEST_CASE("due feeds only, oldest first, within --limit; a failed feed does not stop the others",
          "[poller]") {
  Fixture fixture;
  for (const char* url : {"https://a.example/1", "https://b.example/2", "https://c.example/3"}) {
    fixture.store->get_or_create_feed(url);
  }
  fixture.fetcher.answers["https://a.example/1"] = ok(rss({"x"}));
  fixture.fetcher.answers["https://c.example/3"] = ok(rss({"y"}));
  auto summary = fixture.run(scheduled(2));
  CHECK(summary.polled == 2);
  summary = fixture.run(scheduled());
  CHECK(summary.polled == 1);  // only the one the limit left behind is still due
  CHECK(fixture.counter("feed_poll_errors_total", "dns") == 1);
  const auto failed = fixture.store->find_feed_by_url("https://b.example/2");
  REQUIRE(failed);
  CHECK(failed->consecutive_failures == 1);
  CHECK(failed->last_error.has_value());
  CHECK_FALSE(failed->last_status.has_value());
  CHECK(fixture.run(scheduled()).polled == 0);                    // nothing due now
  CHECK(fixture.run(scheduled(std::nullopt, true)).polled == 3);  // --all ignores the schedule
}

TEST_CASE("a permanent move updates the URL unless another feed has it", "[poller]") {
  Fixture fixture;
  auto moved = ok(rss({"m"}));
  moved.final_url = "https://new.example/feed";
  moved.redirect_statuses = {301};
  fixture.fetcher.answers["https://old.example/feed"] = moved;
  fixture.fetcher.answers["https://twin.example/feed"] = moved;
  fixture.run(for_urls({"https://old.example/feed"}));
  CHECK(fixture.store->find_feed_by_url("https://new.example/feed").has_value());
  CHECK_FALSE(fixture.store->find_feed_by_url("https://old.example/feed").has_value());
  fixture.run(for_urls({"https://twin.example/feed"}));
  CHECK(fixture.store->find_feed_by_url("https://twin.example/feed").has_value());
}

TEST_CASE("a dry run fetches and parses but stores nothing", "[poller]") {
  Fixture fixture;
  fixture.fetcher.answers["https://a.example/feed"] = ok(rss({"1", "2"}));
  const auto summary = fixture.run(for_urls({"https://a.example/feed"}, true));
  CHECK(summary.ok == 1);
  REQUIRE(fixture.reports.size() == 1);
  CHECK(fixture.reports[0].items.size() == 2);
  CHECK(fixture.reports[0].title == "Feed");
  CHECK(fixture.store->list_feeds().empty());
  CHECK(fixture.store->read_counters().empty());
  CHECK_FALSE(fixture.fetcher.seen.back().etag.has_value());
}

TEST_CASE("a stop request releases the leases of feeds not polled", "[poller]") {
  Fixture fixture;
  const auto feed = fixture.store->get_or_create_feed("https://a.example/feed").first;
  std::atomic<bool> stop{true};
  pebble::poll::PollOptions options;
  options.feed_ids = {feed.id};
  options.lease_owner = "w";
  const auto summary =
      pebble::poll::Poller(*fixture.store, fixture.fetcher, fixture.recorder, options, fixture.clock)
          .run([](pebble::poll::FeedReport&) {}, &stop);
  CHECK(summary.polled == 0);
  CHECK(summary.interrupted);
  const auto after = fixture.store->get_feed(feed.id);
  CHECK_FALSE(after->lease_owner.has_value());
  CHECK_FALSE(after->last_polled_at.has_value());
}

TEST_CASE("a polled feed is due again one interval later, a failed one after its backoff", "[poller]") {
  Fixture fixture;
  fixture.store->get_or_create_feed("https://a.example/feed");
  fixture.store->get_or_create_feed("https://down.example/feed");
  fixture.fetcher.answers["https://a.example/feed"] = ok(rss({"1"}));
  pebble::poll::PollOptions options = scheduled();
  options.interval = std::chrono::seconds(1800);
  CHECK(fixture.run(options).polled == 2);
  const auto polled = fixture.store->find_feed_by_url("https://a.example/feed");
  REQUIRE(polled);
  CHECK(polled->last_polled_at == kStart);
  CHECK(polled->next_poll_at == pebble::poll::add_seconds(kStart, std::chrono::seconds(1800)));
  const auto failed = fixture.store->find_feed_by_url("https://down.example/feed");
  REQUIRE(failed);
  // The first failure doubles the interval (backoff_delay(interval, 1)).
  CHECK(failed->next_poll_at == pebble::poll::add_seconds(kStart, std::chrono::seconds(3600)));

  fixture.clock.advance(std::chrono::seconds(1799));
  CHECK(fixture.run(options).polled == 0);
  fixture.clock.advance(std::chrono::seconds(1));
  auto summary = fixture.run(options);
  CHECK(summary.polled == 1);
  CHECK(summary.ok == 1);
  fixture.clock.advance(std::chrono::seconds(1799));
  CHECK(fixture.run(options).polled == 0);
  fixture.clock.advance(std::chrono::seconds(1));
  summary = fixture.run(options);
  CHECK(summary.polled == 2);  // the good feed's second interval ends with the failed feed's backoff
  CHECK(summary.ok == 1);
  CHECK(summary.failed == 1);
}

TEST_CASE("feeds leased by a worker that died are polled once the lease expires", "[poller]") {
  Fixture fixture;
  const auto feed = fixture.store->get_or_create_feed("https://a.example/feed").first;
  fixture.fetcher.answers["https://a.example/feed"] = ok(rss({"1"}));
  {
    // What a worker killed mid-fetch leaves behind: its lease, and no poll.
    pebble::store::FeedClaim dead;
    dead.now = kStart;
    dead.lease_owner = "killed-worker";
    dead.lease_until = pebble::poll::add_seconds(kStart, std::chrono::seconds(40));
    pebble::store::Transaction transaction(*fixture.store, pebble::store::TxMode::kWrite);
    REQUIRE(fixture.store->claim_feeds(dead).size() == 1);
    transaction.commit();
  }
  CHECK(fixture.run(scheduled()).polled == 0);
  pebble::poll::PollOptions explicit_ids;
  explicit_ids.feed_ids = {feed.id};
  CHECK(fixture.run(explicit_ids).polled == 0);  // named feeds respect the lease too

  fixture.clock.advance(std::chrono::seconds(39));
  CHECK(fixture.run(scheduled()).polled == 0);
  fixture.clock.advance(std::chrono::seconds(2));
  const auto summary = fixture.run(scheduled());
  CHECK(summary.polled == 1);
  CHECK(summary.ok == 1);
  const auto after = fixture.store->get_feed(feed.id);
  REQUIRE(after);
  CHECK_FALSE(after->lease_owner.has_value());
  CHECK(after->last_polled_at == pebble::poll::add_seconds(kStart, std::chrono::seconds(41)));
  CHECK(after->last_status == 200);
}
