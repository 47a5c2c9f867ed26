// Outcome classification (SPEC §6 outcomes table) and how each outcome changes the feed row.
#include "poll/poll_outcome.h"

#include <catch2/catch.hpp>

#include "poll/cache_validators.h"
#include "poll/feed_state.h"
#include "poll/poll_schedule.h"

using namespace std::chrono_literals;

namespace {

const pebble::support::Timestamp kNow = pebble::support::Timestamp::from_seconds(1'700'000'000);
const std::string kUrl = "https://example.org/feed.xml";
const std::string kRss =
    "<rss version=\"2.0\"><channel><title>T</title><link>https://example.org/</link><ttl>120</ttl>"
    "<item><guid>a</guid><title>A</title><pubDate>Tue, 14 Nov 2023 22:13:20 GMT</pubDate></item>"
    "</channel></rss>";

pebble::http::FetchResponse response(long status, std::string body = "") {
  pebble::http::FetchResponse fetched;
  fetched.status = status;
  fetched.body = std::move(body);
  fetched.final_url = kUrl;
  return fetched;
}

pebble::http::FetchResponse failure(pebble::http::FetchFailure kind) {
  pebble::http::FetchResponse fetched;
  fetched.failure = kind;
  fetched.error = kUrl + ": went wrong";
  fetched.final_url = kUrl;
  return fetched;
}

pebble::support::Timestamp at(std::chrono::seconds offset) {
  return pebble::poll::add_seconds(kNow, offset);
}

}  // namespace

TEST_CASE("a 200 with a feed is a success carrying the parsed feed and validators", "[poller]") {
  auto fetched = response(200, kRss);
  fetched.etag = "\"v1\"";
  fetched.last_modified = "Tue, 14 Nov 2023 22:13:20 GMT";
  fetched.cache_control = "max-age=600";
  const auto outcome = pebble::poll::classify_response(fetched, kUrl, kNow);
  REQUIRE(outcome.status == pebble::poll::PollStatus::kSuccess);
  CHECK(outcome.reason == pebble::poll::PollErrorReason::kNone);
  REQUIRE(outcome.feed.has_value());
  CHECK(outcome.feed->items.size() == 1);
  CHECK(outcome.max_age == 600s);
  CHECK_FALSE(outcome.moved_to.has_value());

  pebble::domain::Feed feed;
  feed.url = kUrl;
  feed.consecutive_failures = 3;
  feed.last_error = "old";
  feed.lease_owner = "me";
  feed.lease_until = kNow;
  pebble::poll::apply_outcome(feed, outcome, kNow, 1800s);
  CHECK(feed.consecutive_failures == 0);
  CHECK_FALSE(feed.last_error.has_value());
  CHECK(feed.next_poll_at == at(7200s));  // <ttl>120</ttl> beats the 30 min interval and max-age
  CHECK(feed.etag == "\"v1\"");
  CHECK(feed.title == "T");
  CHECK(feed.site_url == "https://example.org/");
  CHECK(feed.last_status == 200);
  CHECK(feed.last_polled_at == kNow);
  CHECK(feed.newest_item_date == pebble::support::Timestamp::from_seconds(1'700'000'000));
  CHECK_FALSE(feed.lease_owner.has_value());
}

TEST_CASE("newest_item_date only moves forward", "[poller]") {
  pebble::domain::Feed feed;
  feed.newest_item_date = pebble::support::Timestamp::from_seconds(1'800'000'000);
  pebble::parse::ParsedItem old_item;
  old_item.published = pebble::support::Timestamp::from_seconds(1'600'000'000);
  pebble::poll::advance_newest_item_date(feed, {old_item});
  CHECK(feed.newest_item_date == pebble::support::Timestamp::from_seconds(1'800'000'000));
  old_item.updated = pebble::support::Timestamp::from_seconds(1'900'000'000);
  pebble::poll::advance_newest_item_date(feed, {old_item});
  CHECK(feed.newest_item_date == pebble::support::Timestamp::from_seconds(1'900'000'000));
}

TEST_CASE("a 304 keeps the items and schedules the next poll", "[poller]") {
  auto fetched = response(304);
  fetched.cache_control = "max-age=7200";
  const auto outcome = pebble::poll::classify_response(fetched, kUrl, kNow);
  CHECK(outcome.status == pebble::poll::PollStatus::kNotModified);
  pebble::domain::Feed feed;
  feed.etag = "\"v1\"";
  feed.consecutive_failures = 2;
  pebble::poll::apply_outcome(feed, outcome, kNow, 1800s);
  CHECK(feed.etag == "\"v1\"");
  CHECK(feed.consecutive_failures == 0);
  CHECK(feed.last_polled_at == kNow);
  CHECK(feed.next_poll_at == at(7200s));
}

TEST_CASE("a 301/308 chain ending in 200 moves the feed; a 302 on the way does not", "[poller]") {
  auto fetched = response(200, kRss);
  fetched.final_url = "https://new.example.org/feed";
  fetched.redirect_statuses = {301, 308};
  CHECK(pebble::poll::classify_response(fetched, kUrl, kNow).moved_to == "https://new.example.org/feed");
  fetched.redirect_statuses = {301, 302};
  CHECK_FALSE(pebble::poll::classify_response(fetched, kUrl, kNow).moved_to.has_value());
  fetched.redirect_statuses = {};
  CHECK_FALSE(pebble::poll::classify_response(fetched, kUrl, kNow).moved_to.has_value());
}

TEST_CASE("a 410 disables the feed as gone", "[poller]") {
  const auto outcome = pebble::poll::classify_response(response(410), kUrl, kNow);
  CHECK(outcome.status == pebble::poll::PollStatus::kGone);
  CHECK_FALSE(pebble::poll::is_failure(outcome));
  pebble::domain::Feed feed;
  pebble::poll::apply_outcome(feed, outcome, kNow, 1800s);
  CHECK(feed.disabled);
  CHECK(feed.disabled_reason == "gone");
  CHECK(feed.last_status == 410);
}

TEST_CASE("failures set last_error, count up and back off", "[poller]") {
  struct Row {
    pebble::http::FetchResponse fetched;
    pebble::poll::PollStatus status;
    pebble::poll::PollErrorReason reason;
  };
  const std::vector<Row> rows{
      {response(404), pebble::poll::PollStatus::kNotFound, pebble::poll::PollErrorReason::kHttp4xx},
      {response(403), pebble::poll::PollStatus::kError, pebble::poll::PollErrorReason::kHttp4xx},
      {response(500), pebble::poll::PollStatus::kError, pebble::poll::PollErrorReason::kHttp5xx},
      {response(200, "<html><body>hi</body></html>"), pebble::poll::PollStatus::kError,
       pebble::poll::PollErrorReason::kParse},
      {response(200, ""), pebble::poll::PollStatus::kError, pebble::poll::PollErrorReason::kParse},
      {failure(pebble::http::FetchFailure::kTimeout), pebble::poll::PollStatus::kError,
       pebble::poll::PollErrorReason::kTimeout},
      {failure(pebble::http::FetchFailure::kDns), pebble::poll::PollStatus::kError,
       pebble::poll::PollErrorReason::kDns},
      {failure(pebble::http::FetchFailure::kTls), pebble::poll::PollStatus::kError,
       pebble::poll::PollErrorReason::kTls},
      {failure(pebble::http::FetchFailure::kTooLarge), pebble::poll::PollStatus::kError,
       pebble::poll::PollErrorReason::kTooLarge},
      {failure(pebble::http::FetchFailure::kRedirects), pebble::poll::PollStatus::kError,
       pebble::poll::PollErrorReason::kRedirects},
      {failure(pebble::http::FetchFailure::kDenied), pebble::poll::PollStatus::kError,
       pebble::poll::PollErrorReason::kConnect},
  };
  for (const Row& row : rows) {
    const auto outcome = pebble::poll::classify_response(row.fetched, kUrl, kNow);
    INFO("status " << row.fetched.status << " failure "
                   << pebble::http::fetch_failure_name(row.fetched.failure));
    CHECK(outcome.status == row.status);
    CHECK(outcome.reason == row.reason);
    CHECK_FALSE(outcome.error.empty());
    CHECK(pebble::poll::is_failure(outcome));
    pebble::domain::Feed feed;
    feed.consecutive_failures = 1;
    pebble::poll::apply_outcome(feed, outcome, kNow, 1800s);
    CHECK(feed.consecutive_failures == 2);
    CHECK(feed.last_error == outcome.error);
    CHECK(feed.next_poll_at == at(7200s));  // 30 min × 2^2
  }
}

TEST_CASE("429 and 503 with Retry-After wait at least that long", "[poller]") {
  auto fetched = response(429);
  fetched.retry_after = "86000";
  auto outcome = pebble::poll::classify_response(fetched, kUrl, kNow);
  CHECK(outcome.status == pebble::poll::PollStatus::kError);
  CHECK(outcome.retry_after == at(86000s));
  pebble::domain::Feed feed;
  pebble::poll::apply_outcome(feed, outcome, kNow, 1800s);
  CHECK(feed.next_poll_at == at(86000s));

  fetched = response(503);
  fetched.retry_after = "10";  // shorter than the backoff: the backoff stands
  outcome = pebble::poll::classify_response(fetched, kUrl, kNow);
  pebble::domain::Feed other;
  pebble::poll::apply_outcome(other, outcome, kNow, 1800s);
  CHECK(other.next_poll_at == at(3600s));

  fetched = response(500);
  fetched.retry_after = "86000";  // only 429/503 honour it
  CHECK_FALSE(pebble::poll::classify_response(fetched, kUrl, kNow).retry_after.has_value());
}

TEST_CASE("Retry-After: 260000000000 waits the 24 h backoff cap, not until the year 10265", "[poller]") {
  for (const char* value : {"260000000000", "99999999999999999999999", "Fri, 31 Dec 9999 23:59:59 GMT"}) {
    auto fetched = response(503);
    fetched.retry_after = value;
    const auto outcome = pebble::poll::classify_response(fetched, kUrl, kNow);
    INFO(value);
    CHECK(outcome.retry_after == at(24h));
    pebble::domain::Feed feed;
    pebble::poll::apply_outcome(feed, outcome, kNow, 1800s);
    CHECK(feed.next_poll_at == at(24h));
  }
  auto fetched = response(200, "<rss version=\"2.0\"><channel><ttl>2000000000</ttl></channel></rss>");
  fetched.cache_control = "max-age=99999999999999";
  const auto outcome = pebble::poll::classify_response(fetched, kUrl, kNow);
  pebble::domain::Feed feed;
  pebble::poll::apply_outcome(feed, outcome, kNow, 1800s);
  CHECK(feed.next_poll_at == at(24h));  // max-age and <ttl> are capped the same way
}

TEST_CASE("an ETag with a bare CR or a Last-Modified with a control character is dropped", "[poller]") {
  auto fetched = response(200, "<rss version=\"2.0\"><channel></channel></rss>");
  fetched.etag = "\"a\rb\"";
  fetched.last_modified = "Tue, 14 Nov 2023 22:13:20 GMT\x01";
  auto outcome = pebble::poll::classify_response(fetched, kUrl, kNow);
  CHECK_FALSE(outcome.etag.has_value());
  CHECK_FALSE(outcome.last_modified.has_value());
  for (const char* etag : {"unquoted", "\"a\"b\"", "W/\"tab\there\"", "\"", "\"del\x7f\""}) {
    INFO(etag);
    CHECK_FALSE(pebble::poll::is_entity_tag(etag));
  }
  for (const char* etag : {"\"\"", "\"xyzzy\"", "W/\"weak-1\"", "\"caf\xc3\xa9\""}) {
    INFO(etag);
    CHECK(pebble::poll::is_entity_tag(etag));
  }
  CHECK(pebble::poll::is_http_date("Sun, 06 Nov 1994 08:49:37 GMT"));
  CHECK(pebble::poll::is_http_date("Sunday, 06-Nov-94 08:49:37 GMT"));
  CHECK(pebble::poll::is_http_date("Sun Nov  6 08:49:37 1994"));
  CHECK_FALSE(pebble::poll::is_http_date("Sun, 06 Nov 1994\r08:49:37 GMT"));
  CHECK_FALSE(pebble::poll::is_http_date("not a date"));
  fetched.etag = "W/\"v1\"";
  fetched.last_modified = "Sun, 06 Nov 1994 08:49:37 GMT";
  outcome = pebble::poll::classify_response(fetched, kUrl, kNow);
  CHECK(outcome.etag == "W/\"v1\"");
  CHECK(outcome.last_modified == "Sun, 06 Nov 1994 08:49:37 GMT");
}
