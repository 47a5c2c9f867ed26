#pragma once
// How a poll outcome changes a feed row (SPEC §6 outcomes table): schedule, failure count, errors,
// validators, metadata, the gone state. Pure: items and the URL move are the poller's business.
#include <chrono>

#include "domain/model.h"
#include "poll/poll_outcome.h"

namespace pebble::poll {

// Applies `outcome` to `feed` as polled at `now` with the configured base interval; also releases
// the poller's lease on it.
void apply_outcome(domain::Feed& feed, const PollOutcome& outcome, support::Timestamp now,
                   std::chrono::seconds base_interval);

// Moves newest_item_date forward to the newest published/updated date among `items` (never back).
void advance_newest_item_date(domain::Feed& feed, const std::vector<parse::ParsedItem>& items);

}  // namespace pebble::poll
