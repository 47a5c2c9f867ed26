#include "poll/feed_state.h"

#include "poll/poll_schedule.h"

namespace pebble::poll {

namespace {

// The next poll after a failure: backoff from the base interval, and never before Retry-After.
support::Timestamp next_poll_after_failure(const domain::Feed& feed, const PollOutcome& outcome,
                                           support::Timestamp now, std::chrono::seconds base_interval) {
  support::Timestamp next = add_seconds(now, backoff_delay(base_interval, feed.consecutive_failures));
  if (outcome.retry_after && *outcome.retry_after > next) next = *outcome.retry_after;
  return next;
}

}  // namespace

void apply_outcome(domain::Feed& feed, const PollOutcome& outcome, support::Timestamp now,
                   std::chrono::seconds base_interval) {
  feed.last_polled_at = now;
  feed.last_status = outcome.http_status;
  feed.lease_owner.reset();
  feed.lease_until.reset();
  switch (outcome.status) {
    case PollStatus::kSuccess: {
      const parse::ParsedFeed& parsed = *outcome.feed;
      if (parsed.title) feed.title = parsed.title;
      if (parsed.link) feed.site_url = parsed.link;
      if (parsed.description) feed.description = parsed.description;
      // A 200 replaces the validators: a server that stopped sending them must not get stale ones back.
      feed.etag = outcome.etag;
      feed.last_modified = outcome.last_modified;
      feed.last_error.reset();
      feed.consecutive_failures = 0;
      feed.next_poll_at = add_seconds(now, poll_interval(base_interval, outcome.max_age, parsed.ttl_minutes));
      advance_newest_item_date(feed, parsed.items);
      return;
    }
    case PollStatus::kNotModified:
      if (outcome.etag) feed.etag = outcome.etag;
      if (outcome.last_modified) feed.last_modified = outcome.last_modified;
      feed.last_error.reset();
      feed.consecutive_failures = 0;
      feed.next_poll_at = add_seconds(now, poll_interval(base_interval, outcome.max_age, std::nullopt));
      return;
    case PollStatus::kGone:
      feed.disabled = true;
      feed.disabled_reason = "gone";
      feed.last_error = outcome.error;
      feed.next_poll_at.reset();
      return;
    case PollStatus::kNotFound:
    case PollStatus::kError:
      feed.last_error = outcome.error;
      feed.consecutive_failures += 1;
      feed.next_poll_at = next_poll_after_failure(feed, outcome, now, base_interval);
      return;
  }
}

void advance_newest_item_date(domain::Feed& feed, const std::vector<parse::ParsedItem>& items) {
  for (const parse::ParsedItem& item : items) {
    for (const auto& date : {item.published, item.updated}) {
      if (date && (!feed.newest_item_date || *date > *feed.newest_item_date)) feed.newest_item_date = date;
    }
  }
}

}  // namespace pebble::poll
