#!/usr/bin/env bash
# A cron-only host (poll-feeds and a Pushgateway, no serve) was blind to the feed-state gauges the
# alert rules read: poll-feeds pushed active_feeds_count only. Now its push carries
# pebble_feeds{state} and pebble_feeds_due too, counted from the store as serve counts them.
source "$(dirname "$0")/lib.sh"
require_command python3
start_pushgateway
/usr/bin/python3 "$PEBBLE_SOURCE_DIR/tests/support/feed_server.py" >"$work/port" &
on_exit "stop_process $!"
wait_until 30 test -s "$work/port" || { fail "the feed server did not start"; finish; }
base="http://127.0.0.1:$(cat "$work/port")"
database="sqlite:$work/pebble.db"
export PEBBLE_DENY_PRIVATE_NETWORKS=false

# pushed METRIC [LABEL=VALUE...]: the sum of one metric's samples in the poll-feeds group.
pushed() {
  curl -sf "$pushgateway_url/api/v1/metrics" |
    python3 "$PEBBLE_SOURCE_DIR/tests/cli/pushgateway_sum.py" job=pebble,command=poll-feeds "$@"
}

# A feed that is subscribed (through an import) but never polled: enabled, not failing, due.
cat >"$work/bookmarks.json" <<JSON
{"@context": ["https://www.w3.org/ns/activitystreams", {"feedUrl": "https://pebbling.club/ns/feedUrl"}],
 "type": "Collection", "items": [{"type": "Link", "url": "https://example.com/due",
  "name": "due", "feedUrl": "$base/feed/due"}]}
JSON
run --database "$database" import --format activitystreams "$work/bookmarks.json"
expect_status 0 "import of a bookmark with a feed"

# One feed that answers, two that fail (404, 500), one that is gone (410).
run --database "$database" --pushgateway "$pushgateway_url" poll-feeds \
  "$base/feed/a" "$base/missing" "$base/error" "$base/gone"
expect_status 0 "poll-feeds with failing feeds"
expect_equals "$(pushed pebble_feeds state=active)" 2 "pushed pebble_feeds{state=active}: the polled feed and the unpolled one"
expect_equals "$(pushed pebble_feeds state=failing)" 2 "pushed pebble_feeds{state=failing}: 404 and 500"
expect_equals "$(pushed pebble_feeds state=disabled)" 1 "pushed pebble_feeds{state=disabled}: only the 410"
expect_equals "$(pushed pebble_feeds_due)" 1 "pushed pebble_feeds_due: the never-polled feed"
expect_equals "$(pushed active_feeds_count)" 4 "pushed active_feeds_count: every enabled feed"

# The pushed values are the ones serve exposes from the same store (one computation).
run --database "$database" metrics-show --format text pebble_feeds pebble_feeds_due
expect_status 0 "metrics-show of the feed gauges"
for state in active failing disabled; do
  expect_equals "$(sample_value "$out" "pebble_feeds{state=\"$state\"}")" "$(pushed pebble_feeds state=$state)" \
    "pebble_feeds{state=$state}: pushed equals exposed"
done
expect_equals "$(sample_value "$out" pebble_feeds_due)" "$(pushed pebble_feeds_due)" "pebble_feeds_due: pushed equals exposed"

# The import group does not carry them: poll-feeds is the command whose host needs them.
run --database "$database" --pushgateway "$pushgateway_url" import --format activitystreams "$work/bookmarks.json"
expect_equals "$(curl -sf "$pushgateway_url/api/v1/metrics" |
  python3 "$PEBBLE_SOURCE_DIR/tests/cli/pushgateway_sum.py" job=pebble,command=import pebble_feeds)" absent \
  "the import push has no pebble_feeds"

finish
