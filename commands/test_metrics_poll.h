#pragma once
// Step 3 of `pebble test-metrics` (SPEC §9): serve a small built-in feed from a loopback HTTP
// server and poll it twice through the real poller (new items, then 304).
#include <chrono>
#include <cstddef>
#include <string>

#include "metrics/recorder.h"
#include "poll/poll_outcome.h"
#include "store/store.h"
#include "support/clock.h"

namespace pebble::cli {

// What the two self-test polls did.
struct SelfTestPollResult {
  std::string feed_url;
  poll::PollStatus first_status = poll::PollStatus::kError;
  std::size_t first_new_items = 0;
  poll::PollStatus second_status = poll::PollStatus::kError;
};

// Runs both polls, recording into `recorder`; the test feed stays disabled throughout (a poll by id
// takes a disabled feed), so no production poll claims it and no production gauge counts it. Throws Error
// when the polls do not behave as a healthy poller must (first: success with new items; second: 304). `clock`
// dates the polls and names each attempt's new item.
SelfTestPollResult run_self_test_poll(store::Store& store, metrics::MetricsRecorder& recorder,
                                      std::chrono::seconds interval, const support::Clock& clock);

}  // namespace pebble::cli
