#!/usr/bin/env bash
# test-metrics left an enabled feed (https://example.com/test-import-2/feed.xml, from its built-in
# import) that every production poll then fetched and counted as failing. Everything the self-test
# creates now stays out of production polling and out of the production feed gauges.
source "$(dirname "$0")/lib.sh"
db="$work/store.db"
database="sqlite:$db"
sql() { sqlite3 -batch -noheader "$db" "$1"; }
# No packet may leave the machine if poll-feeds fetched a feed after all: its fetches go to a closed
# proxy port on loopback and fail at once (test-metrics itself runs without, for its loopback feed).
closed_proxy="http://127.0.0.1:$(free_port)"
poll_offline() { http_proxy=$closed_proxy https_proxy=$closed_proxy run --database "$database" poll-feeds "$@"; }

check_production_sees_nothing() {  # check_production_sees_nothing WHEN
  poll_offline --json
  expect_status 0 "$1: poll-feeds"
  expect_equals "$out" "" "$1: poll-feeds polls no feed (no JSON line)"
  expect_contains "$err" "polled 0 feed(s)" "$1: the poll summary counts no feed"
  poll_offline --all --json
  expect_equals "$out" "" "$1: poll-feeds --all polls no feed"
  run --database "$database" metrics-show --format text pebble_feeds pebble_feeds_due active_feeds_count
  expect_status 0 "$1: metrics-show"
  for series in 'pebble_feeds{state="active"}' 'pebble_feeds{state="failing"}' 'pebble_feeds{state="disabled"}' \
    pebble_feeds_due active_feeds_count; do
    expect_equals "$(sample_value "$out" "$series")" 0 "$1: $series counts no self-test feed"
  done
}

run --database "$database" test-metrics
expect_status 0 "test-metrics"
expect_equals "$(sql "SELECT count(*) FROM feeds WHERE url = 'https://example.com/test-import-2/feed.xml'")" 1 \
  "the sample import still subscribes its feed"
expect_equals "$(sql "SELECT count(*) FROM feeds WHERE NOT disabled")" 0 "every self-test feed is left disabled"
check_production_sees_nothing "after the first test-metrics"

run --database "$database" test-metrics
expect_status 0 "a second test-metrics"
expect_equals "$(sql "SELECT count(*) FROM feeds")" 2 "the second run reuses both self-test feed rows"
check_production_sees_nothing "after the second test-metrics"

# A production feed is still counted and polled next to the self-test ones.
sql "INSERT INTO feeds (url, created_at, updated_at) VALUES ('http://production.invalid/feed.xml', '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z')"
run --database "$database" metrics-show --format text pebble_feeds pebble_feeds_due
expect_equals "$(sample_value "$out" 'pebble_feeds{state="active"}')" 1 "a production feed is counted active"
expect_equals "$(sample_value "$out" pebble_feeds_due)" 1 "a production feed is counted due"
sql "UPDATE feeds SET disabled = 1, disabled_reason = 'gone' WHERE url = 'http://production.invalid/feed.xml'"
run --database "$database" metrics-show --format text pebble_feeds
expect_equals "$(sample_value "$out" 'pebble_feeds{state="disabled"}')" 1 "a production feed disabled by a 410 is counted disabled"

finish
