#include "poll/poller.h"

#include <algorithm>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "metrics/row_write_counters.h"
#include "poll/cache_validators.h"
#include "poll/poll_schedule.h"
#include "poll/poll_writer.h"
#include "support/logging.h"

namespace pebble::poll {

namespace {

bool due_first(const domain::Feed& left, const domain::Feed& right) {
  if (left.next_poll_at != right.next_poll_at) {
    if (!left.next_poll_at) return true;
    if (!right.next_poll_at) return false;
    return *left.next_poll_at < *right.next_poll_at;
  }
  return left.id < right.id;
}

bool is_due(const domain::Feed& feed, support::Timestamp now) {
  return !feed.next_poll_at || *feed.next_poll_at <= now;
}

// One event per polled feed: a warning when it failed, a debug line (-v) otherwise.
void log_poll(const FeedReport& report) {
  const PollOutcome& outcome = report.outcome;
  const bool failed = outcome.status == PollStatus::kError || outcome.status == PollStatus::kNotFound;
  if (!failed && !spdlog::should_log(spdlog::level::debug)) return;  // no fields built for nothing
  nlohmann::json fields = {{"feed_url", report.url}, {"status", poll_status_name(outcome.status)}};
  if (outcome.http_status) fields["http_status"] = *outcome.http_status;
  if (outcome.reason != PollErrorReason::kNone) fields["reason"] = poll_error_reason_name(outcome.reason);
  fields["new_items"] = report.new_items;
  fields["unchanged_items"] = report.unchanged_items;
  fields["duration_seconds"] = outcome.duration_seconds;
  if (!outcome.error.empty()) fields["error"] = outcome.error;
  support::log_event(failed ? support::LogLevel::kWarn : support::LogLevel::kDebug,
                     failed ? "poll failed" : "feed polled", fields);
}

}  // namespace

Poller::Poller(PollStores stores, http::Fetcher& fetcher, metrics::MetricsRecorder& recorder,
               PollOptions options, const support::Clock& clock)
    : stores_(stores), fetcher_(fetcher), recorder_(recorder), clock_(clock), options_(std::move(options)) {
  options_.batch_size = std::max<std::size_t>(options_.batch_size, 1);
}

void Poller::prepare() {
  if (!options_.urls.empty()) {
    by_ids_ = true;
    for (const std::string& url : options_.urls) {
      std::optional<domain::Feed> feed = stores_.feeds.find_feed_by_url(url);
      if (!feed && options_.dry_run) {
        domain::Feed transient;  // never stored: a dry run subscribes nothing
        transient.url = url;
        listed_.push_back(transient);
        continue;
      }
      if (!feed) {
        store::Transaction transaction(stores_.transactions, store::TxMode::kWrite);
        auto [created, is_new] = stores_.feeds.get_or_create_feed(url);
        if (is_new) metrics::record_inserts(recorder_, metrics::kModelFeed);
        recorder_.flush({stores_.metrics, stores_.transactions});
        transaction.commit();
        if (is_new) support::log_event(support::LogLevel::kInfo, "subscribed", {{"feed_url", url}});
        feed = created;
      }
      if (options_.dry_run) {
        listed_.push_back(*feed);
      } else if (std::find(id_queue_.begin(), id_queue_.end(), feed->id) == id_queue_.end()) {
        id_queue_.push_back(feed->id);
      }
    }
    return;
  }
  if (!options_.feed_ids.empty()) {
    by_ids_ = true;
    for (const std::int64_t id : options_.feed_ids) {
      if (options_.dry_run) {
        if (auto feed = stores_.feeds.get_feed(id)) listed_.push_back(*feed);
      } else {
        id_queue_.push_back(id);
      }
    }
    return;
  }
  if (!options_.all && !options_.dry_run) return;  // due feeds are claimed batch by batch
  const support::Timestamp now = clock_.now();
  std::vector<domain::Feed> feeds = stores_.feeds.list_feeds();
  std::erase_if(feeds, [&](const domain::Feed& feed) {
    return feed.disabled || (!options_.all && !is_due(feed, now));
  });
  std::sort(feeds.begin(), feeds.end(), due_first);
  if (options_.limit && feeds.size() > static_cast<std::size_t>(*options_.limit)) {
    feeds.resize(static_cast<std::size_t>(*options_.limit));
  }
  if (options_.dry_run) {
    listed_ = std::move(feeds);
    return;
  }
  by_ids_ = true;
  for (const domain::Feed& feed : feeds) id_queue_.push_back(feed.id);
}

std::vector<domain::Feed> Poller::claim(const std::vector<std::int64_t>& ids,
                                        std::optional<std::int64_t> due_limit) {
  store::FeedClaim request;
  request.now = clock_.now();
  request.lease_owner = options_.lease_owner;
  request.lease_until = add_seconds(request.now, options_.lease);
  request.feed_ids = ids;
  request.limit = due_limit;
  store::Transaction transaction(stores_.transactions, store::TxMode::kWrite);
  std::vector<domain::Feed> claimed = stores_.feeds.claim_feeds(request);
  transaction.commit();
  return claimed;
}

std::vector<domain::Feed> Poller::next_batch() {
  if (options_.dry_run) {
    const std::size_t end = std::min(listed_.size(), cursor_ + options_.batch_size);
    std::vector<domain::Feed> batch(listed_.begin() + static_cast<std::ptrdiff_t>(cursor_),
                                    listed_.begin() + static_cast<std::ptrdiff_t>(end));
    cursor_ = end;
    return batch;
  }
  if (by_ids_) {
    while (cursor_ < id_queue_.size()) {
      const std::size_t end = std::min(id_queue_.size(), cursor_ + options_.batch_size);
      std::vector<std::int64_t> ids(id_queue_.begin() + static_cast<std::ptrdiff_t>(cursor_),
                                    id_queue_.begin() + static_cast<std::ptrdiff_t>(end));
      cursor_ = end;
      std::vector<domain::Feed> claimed = claim(ids, std::nullopt);
      if (claimed.size() < ids.size()) {
        spdlog::info("{} feed(s) skipped: another worker holds their lease", ids.size() - claimed.size());
      }
      if (!claimed.empty()) return claimed;
    }
    return {};
  }
  std::int64_t want = static_cast<std::int64_t>(options_.batch_size);
  if (options_.limit)
    want = std::min<std::int64_t>(want, *options_.limit - static_cast<std::int64_t>(due_claimed_));
  if (want <= 0) return {};
  std::vector<domain::Feed> claimed = claim({}, want);
  // A feed polled earlier in this run can only come back when its interval is zero: stop there.
  std::vector<domain::Feed> again;
  std::erase_if(claimed, [&](const domain::Feed& feed) {
    if (!seen_.contains(feed.id)) return false;
    again.push_back(feed);
    return true;
  });
  release(again);
  due_claimed_ += claimed.size();
  return claimed;
}

void Poller::poll_batch(const std::vector<domain::Feed>& feeds, const FeedReportSink& report,
                        const std::atomic<bool>* stop) {
  std::vector<http::FetchRequest> requests;
  requests.reserve(feeds.size());
  // A validator stored before they were checked is still never sent back when it does not conform.
  for (const domain::Feed& feed : feeds) {
    requests.push_back(
        {feed.url, conforming_entity_tag(feed.etag), conforming_http_date(feed.last_modified)});
  }
  std::vector<domain::Feed> unfinished;
  fetcher_.fetch_all(
      requests,
      [&](std::size_t index, http::FetchResponse response) {
        if (response.failure == http::FetchFailure::kCancelled) {
          unfinished.push_back(feeds[index]);
          return;
        }
        finish_feed(feeds[index], response, report);
      },
      stop);
  release(unfinished);
}

RecordedPoll Poller::record_poll_retrying_once(const domain::Feed& feed, const PollOutcome& outcome,
                                               support::Timestamp now) {
  try {
    return record_poll(stores_, recorder_, feed, outcome, now, options_.interval, options_.retention);
  } catch (const support::StoreError& error) {
    // The transaction rolled back. A lost PostgreSQL session reconnects at the next transaction, so
    // one more try stores the poll instead of marking a good feed failed for a server restart.
    support::log_event(support::LogLevel::kWarn, "cannot store the poll, trying once more",
                       {{"feed_url", feed.url}, {"error", error.what()}});
    return record_poll(stores_, recorder_, feed, outcome, now, options_.interval, options_.retention);
  }
}

void Poller::finish_feed(const domain::Feed& feed, const http::FetchResponse& response,
                         const FeedReportSink& report) {
  const support::Timestamp now = clock_.now();
  if (feed.unreadable) {
    // Polling goes on: recording this poll writes every column of the row afresh.
    support::log_event(support::LogLevel::kWarn, "stored feed row partly unreadable, its columns were reset",
                       {{"feed_url", feed.url}, {"error", *feed.unreadable}});
  }
  FeedReport result;
  result.url = feed.url;
  // A dry run stores nothing, so it shows every item sanitized: no stored fingerprint is asked.
  const StoredFingerprints stored = [&](const std::vector<std::string>& guids) {
    return stores_.feeds.item_fingerprints(feed.id, guids);
  };
  result.outcome =
      classify_response(response, feed.url, now, options_.max_items, options_.dry_run ? nullptr : stored);
  seen_[feed.id] = true;
  if (result.outcome.feed && result.outcome.feed->items_dropped > 0) {
    support::log_event(support::LogLevel::kInfo, "kept the newest items (--max-items)",
                       {{"feed_url", feed.url},
                        {"items", result.outcome.feed->items.size() + result.outcome.feed->items_dropped},
                        {"kept", result.outcome.feed->items.size()}});
  }
  if (result.outcome.feed) {
    result.image = result.outcome.feed->image;
    result.icon = result.outcome.feed->icon;
  }
  domain::Feed after = feed;
  if (!options_.dry_run) {
    try {
      RecordedPoll recorded = record_poll_retrying_once(feed, result.outcome, now);
      after = recorded.feed;
      result.new_items = recorded.new_item_indexes.size();
      result.unchanged_items = result.outcome.unchanged_guids.size();
      result.items_deleted = recorded.items_deleted;
      for (const std::size_t index : recorded.new_item_indexes) {
        result.items.push_back(std::move(result.outcome.feed->items[index]));
      }
    } catch (const support::StoreError& error) {
      // The store refused this feed's data (say, text PostgreSQL will not take): record the feed as
      // failed so the run goes on; a store that refuses this too is really gone, and that throws.
      support::log_event(support::LogLevel::kWarn, "cannot store the poll",
                         {{"feed_url", feed.url}, {"error", error.what()}});
      result.outcome.status = PollStatus::kError;
      result.outcome.reason = PollErrorReason::kParse;
      result.outcome.error = std::string("cannot store the feed: ") + error.what();
      result.outcome.feed.reset();
      result.outcome.moved_to.reset();
      after =
          record_poll(stores_, recorder_, feed, result.outcome, now, options_.interval, options_.retention)
              .feed;
    }
    result.outcome.feed.reset();
  } else if (result.outcome.feed) {
    after.title = result.outcome.feed->title;
    after.site_url = result.outcome.feed->link;
    after.description = result.outcome.feed->description;
    result.items = std::move(result.outcome.feed->items);
    result.outcome.feed.reset();
  }
  result.title = after.title;
  result.link = after.site_url;
  result.description = after.description;
  log_poll(result);
  count(result);
  report(result);
}

void Poller::release(const std::vector<domain::Feed>& feeds) {
  if (options_.dry_run || feeds.empty()) return;
  store::Transaction transaction(stores_.transactions, store::TxMode::kWrite);
  for (const domain::Feed& feed : feeds) {
    std::optional<domain::Feed> current = stores_.feeds.get_feed(feed.id);
    if (!current || current->lease_owner != options_.lease_owner) continue;
    current->lease_owner.reset();
    current->lease_until.reset();
    stores_.feeds.update_feed(*current);
  }
  transaction.commit();
}

void Poller::count(const FeedReport& report) {
  ++summary_.polled;
  summary_.new_items += report.new_items;
  summary_.items_deleted += report.items_deleted;
  switch (report.outcome.status) {
    case PollStatus::kSuccess:
      ++summary_.ok;
      break;
    case PollStatus::kNotModified:
      ++summary_.not_modified;
      break;
    case PollStatus::kGone:
      ++summary_.disabled;
      break;
    case PollStatus::kNotFound:
    case PollStatus::kError:
      ++summary_.failed;
      ++summary_.failed_by_reason[report.outcome.status == PollStatus::kNotFound
                                      ? "not_found"
                                      : poll_error_reason_name(report.outcome.reason)];
      break;
  }
}

PollSummary Poller::run(const FeedReportSink& report, const std::atomic<bool>* stop) {
  // The run's duration is an interval, not a time of day: the steady clock, not clock_.
  const auto started = std::chrono::steady_clock::now();
  prepare();
  while (stop == nullptr || !stop->load()) {
    const std::vector<domain::Feed> batch = next_batch();
    if (batch.empty()) break;
    poll_batch(batch, report, stop);
  }
  summary_.interrupted = stop != nullptr && stop->load();
  summary_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary_;
}

}  // namespace pebble::poll
