#pragma once
// How poll-feeds reports: the --json line per feed (SPEC §6 schema) and the stderr summary line.
#include <string>

#include <nlohmann/json.hpp>

#include "poll/poller.h"

namespace pebble::poll {

// The --json object of one polled feed.
nlohmann::json feed_report_json(const FeedReport& report);

// "polled 12 feeds in 1.4 s: 9 ok, 2 not modified, 1 failed (timeout 1), 0 disabled, 31 new items".
std::string poll_summary_text(const PollSummary& summary);

// The summary as job_runs.summary JSON.
nlohmann::json poll_summary_json(const PollSummary& summary);

}  // namespace pebble::poll
