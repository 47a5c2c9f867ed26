#!/usr/bin/env bash
# Values a feed server sends that used to poison the store: a huge Retry-After or a date in the
# year 9999 wrote a timestamp no later run could read (every run then exited 1 and no feed was
# polled again), and a bare CR in an ETag was stored and sent back as a request header.
source "$(dirname "$0")/lib.sh"

start_feed_server
export PEBBLE_DATABASE_URL="sqlite:$work/pebble.db" PEBBLE_DENY_PRIVATE_NETWORKS=false
db() { sqlite3 -batch -noheader "$work/pebble.db" "$1"; }
feed_column() { db "SELECT $2 FROM feeds WHERE url = '$base/$1'"; }
within_a_day() { # COLUMN of feed PATH lies within 24 h (and a minute) from now
  [ "$(feed_column "$1" "$2 <= strftime('%Y-%m-%dT%H:%M:%S', 'now', '+86460 seconds')")" = 1 ]
}

# --- Retry-After: 260000000000 ---
run poll-feeds "$base/hugeretry" "$base/feed/good"
expect_status 0 "a huge Retry-After is one failed feed"
within_a_day hugeretry next_poll_at || fail "Retry-After capped at 24 h: $(feed_column hugeretry next_poll_at)"
run poll-feeds --all
expect_status 0 "the next run reads the row back"
expect_contains "$err" "polled 2 feed(s)" "and polls every feed again"

# --- Atom date 9999-12-31T23:59:59-14:00 and max-age=99999999999999 ---
run poll-feeds "$base/farfuture"
expect_status 0 "a far-future Atom date"
expect_equals "$(feed_column farfuture newest_item_date)" "9999-12-31T23:59:59.999999Z" "newest_item_date clamped to 9999"
expect_equals "$(db "SELECT published_at IS NULL OR published_at <= '9999-12-31T23:59:59.999999Z' FROM feed_items WHERE guid = 'urn:far:1'")" 1 "item date clamped"
within_a_day farfuture next_poll_at || fail "max-age capped at 24 h: $(feed_column farfuture next_poll_at)"
run poll-feeds --all
expect_status 0 "the next run reads the far-future row back"
expect_contains "$err" "polled 3 feed(s)" "every feed polled"

# --- a row written before the clamp: an error of that feed alone, never of the run ---
db "UPDATE feeds SET next_poll_at = '10265-01-01T00:00:00.000000Z', newest_item_date = '10265-01-01T00:00:00.000000Z' WHERE url = '$base/feed/good'"
run poll-feeds
expect_status 0 "an unreadable row does not end the run"
expect_contains "$err" "stored feed row partly unreadable" "the feed's problem is named"
expect_contains "$err" "$base/feed/good" "with its URL"
within_a_day feed/good next_poll_at || fail "the row is written afresh: $(feed_column feed/good next_poll_at)"
expect_equals "$(feed_column feed/good "newest_item_date IS NULL OR newest_item_date < '9999'")" 1 "newest_item_date rewritten (the 304 answer brings no items)"
run poll-feeds --all
expect_status 0 "the next run is clean"
[[ "$err" != *"unreadable"* ]] || fail "the row stays readable: $err"

# --- ETag with a bare CR, Last-Modified with a control character ---
run poll-feeds "$base/badvalidators"
expect_status 0 "bad validators"
expect_equals "$(feed_column badvalidators "etag IS NULL AND last_modified IS NULL")" 1 "neither is stored"
db "UPDATE feeds SET etag = '\"a' || char(13) || 'b\"', last_modified = 'x' || char(1) WHERE url = '$base/badvalidators'"
run poll-feeds --json "$base/badvalidators"
expect_status 0 "a bad stored validator"
expect_contains "$out" '"status":"success"' "is never sent back (the server answers 500 to any validator)"
expect_equals "$(feed_column badvalidators "last_status")" 200 "polled with a plain GET"

finish
