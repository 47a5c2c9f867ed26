#!/usr/bin/env bash
# pebble feeds: add (validated, normalized, fetched once, only a feed stored), list in its three forms
# with its filters, show, remove (items counted as deletes), disable and enable; the rows and the
# metrics each leaves, and the exit codes of partial and failed runs.
source "$(dirname "$0")/lib.sh"
start_feed_server
db="$work/store.db"
export PEBBLE_DATABASE_URL="sqlite:$db"
sql() { sqlite3 -batch -noheader "$db" "$1"; }
counter() {  # counter FAMILY LABELS: the value recorded under command="feeds", 0 when absent
  local value
  value=$(sql "SELECT value FROM metric_counters WHERE command = 'feeds' AND family = '$1' AND labels = '$2'")
  printf '%s\n' "${value:-0}"
}
host="127.0.0.1:${base##*:}"

# --- Reading a store that is not there creates nothing. ---
run feeds list
expect_status 1 "list without a store"
expect_equals "$err" "pebble feeds list: SQLite database $db does not exist (only commands that add data create one)" "names the file"
[ ! -e "$db" ] || fail "a read created the store"

# --- add: a bad URL is a usage error before anything is fetched or stored. ---
for bad in "ftp://$host/feed/a" "mailto:me@example.com" "http:///feed" "http://$host:99999/" "http://$host/a b"; do
  run feeds add "$base/feed/a" "$bad"
  expect_status 2 "add '$bad'"
  expect_lines "$err" 1 "one line for '$bad'"
  expect_contains "$err" "pebble feeds add: $bad: " "names '$bad'"
done
expect_equals "$(sql 'SELECT count(*) FROM feeds' 2>/dev/null || echo 0)" 0 "no feed stored by a refused command"

# --- add: two feeds with a tag; `host/path` and the upper-case, :80 and #fragment spellings are one feed. ---
run feeds add "$base/feed/a" "$host/feed/b" "HTTP://127.0.0.1:${base##*:}/feed/a#top" --tag news --tag "big news"
expect_status 0 "add two feeds"
expect_equals "$out" "added feed 1 $base/feed/a: a (3 item(s))
added feed 2 $base/feed/b: b (3 item(s))" "one line per new feed"
expect_equals "$(sql "SELECT id, url, title, last_status, item_count, unread_count FROM feeds ORDER BY id")" \
  "1|$base/feed/a|a|200|3|3
2|$base/feed/b|b|200|3|3" "feed rows with their first poll"
expect_equals "$(sql "SELECT feed_id, name FROM feed_tags ORDER BY feed_id, name")" "1|big news
1|news
2|big news
2|news" "both tags on both feeds"
expect_equals "$(sql "SELECT count(*) FROM feed_items")" 6 "the first fetch stored the items"
expect_equals "$(counter pebble_model_inserts_total 'model="feed"')" 2.0 "two feed inserts"
expect_equals "$(counter feed_polls_total 'status="success"')" 2.0 "the first fetch counts as a poll"
expect_equals "$(counter feed_items_discovered_total '')" 6.0 "items discovered"
expect_equals "$(sql "SELECT status FROM job_runs WHERE command = 'feeds'")" ok "the run is recorded"

# --- add: what is not a feed stores nothing and says why; the others still go in (exit 3). ---
run feeds add "$base/feed/a" "$base/html" "$base/missing" "$base/feed/c" "$base/empty"
expect_status 3 "some added, some failed"
expect_equals "$out" "already subscribed: feed 1 $base/feed/a
added feed 3 $base/feed/c: c (3 item(s))" "stdout names what was added"
expect_equals "$err" "pebble feeds add: $base/html: an HTML page that announces no feed (no <link rel=\"alternate\"> of an RSS, Atom or JSON Feed type; give the address of the feed itself)
pebble feeds add: $base/missing: HTTP 404
pebble feeds add: $base/empty: empty body" "one line per refused URL, in order"
expect_equals "$(sql "SELECT count(*) FROM feeds WHERE url LIKE '%/html' OR url LIKE '%/missing' OR url LIKE '%/empty'")" 0 "nothing kept of the refused URLs"
expect_equals "$(sql "SELECT status FROM job_runs WHERE command = 'feeds' ORDER BY id DESC LIMIT 1")" partial "a partial run"
run feeds add "$base/gone" "http://no-such-host.invalid/feed"
expect_status 1 "every URL failed"
expect_contains "$err" "pebble feeds add: $base/gone: HTTP 410: the feed is gone" "410"
expect_contains "$err" "pebble feeds add: http://no-such-host.invalid/feed: " "DNS failure names the URL"
expect_equals "$(sql 'SELECT count(*) FROM feeds')" 3 "still three feeds"

# Fixed poll times, so every form of the listing can be compared exactly.
sql "UPDATE feeds SET last_polled_at = '2025-06-01T12:00:00.000000Z', next_poll_at = '2025-06-01T12:30:00.000000Z'"
sql "UPDATE feeds SET consecutive_failures = 2, last_status = 500, last_error = 'HTTP 500 from $base/feed/b', next_poll_at = '2999-01-01T00:00:00.000000Z' WHERE id = 2"
sql "UPDATE feeds SET title = 'c'||char(9)||'tab'||char(27)||'[31mred' WHERE id = 3"

# --- list: tab-separated lines without a header when stdout is not a terminal. ---
tab=$'\t'
run feeds list
expect_status 0 "list"
expect_equals "$out" "1${tab}active${tab}3${tab}3${tab}0${tab}200${tab}2025-06-01T12:00:00Z${tab}2025-06-01T12:30:00Z${tab}big news,news${tab}$base/feed/a${tab}a${tab}
2${tab}failing${tab}3${tab}3${tab}2${tab}500${tab}2025-06-01T12:00:00Z${tab}2999-01-01T00:00:00Z${tab}big news,news${tab}$base/feed/b${tab}b${tab}HTTP 500 from $base/feed/b
3${tab}active${tab}3${tab}3${tab}0${tab}200${tab}2025-06-01T12:00:00Z${tab}2025-06-01T12:30:00Z${tab}${tab}$base/feed/c${tab}c tab [31mred${tab}" \
  "one line per feed; control characters in a title become spaces"
run feeds list --failing
expect_equals "$(cut -f1 <<<"$out")" 2 "--failing"
run feeds list --due
expect_equals "$(cut -f1 <<<"$out" | tr '\n' ' ')" "1 3 " "--due: due now, not the failing one scheduled later"
run feeds list --failing --due
expect_status 2 "two filters"

# --- list: an aligned table on a terminal. ---
script -qec "$PEBBLE_BIN feeds list" /dev/null | tr -d '\r' >"$work/table"
expect_equals "$(cat "$work/table")" "ID  STATE    ITEMS  UNREAD  FAILS  HTTP  LAST POLL         NEXT POLL         TAGS            URL                            TITLE          ERROR
 1  active       3       3      0   200  2025-06-01 12:00  2025-06-01 12:30  big news, news  $base/feed/a  a
 2  failing      3       3      2   500  2025-06-01 12:00  2999-01-01 00:00  big news, news  $base/feed/b  b              HTTP 500 from $base/feed/b
 3  active       3       3      0   200  2025-06-01 12:00  2025-06-01 12:30                  $base/feed/c  c tab [31mred" \
  "the table"

# --- list --json and show. ---
run feeds list --json
expect_lines "$out" 3 "one JSON object per feed"
expect_equals "$(head -n 1 <<<"$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["id"], d["state"], d["items"], d["unread"], d["tags"], d["last_polled_at"], d["title"], d["disabled_reason"])')" \
  "1 active 3 3 ['big news', 'news'] 2025-06-01T12:00:00Z a None" "JSON fields"
run feeds show "$host/feed/b"
expect_status 0 "show by URL in another spelling"
expect_contains "$out" "id:               2
url:              $base/feed/b
title:            b
site:             https://example.org/b
description:      feed b
state:            failing
tags:             big news, news
items:            3 (3 unread)
last poll:        2025-06-01T12:00:00Z
last status:      500
last error:       HTTP 500 from $base/feed/b
failures:         2" "show's fields"
run feeds show 2 --json
expect_equals "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["url"], d["consecutive_failures"])' <<<"$out")" "$base/feed/b 2" "show --json"
run feeds show 99
expect_status 1 "show an unknown feed"
expect_equals "$err" "pebble feeds show: no feed '99' in the store" "names it"

# --- disable and enable. ---
run feeds disable 1 "$base/feed/c" --reason "too noisy"
expect_status 0 "disable two"
expect_equals "$out" "disabled feed 1 $base/feed/a (too noisy)
disabled feed 3 $base/feed/c (too noisy)" "disable lines"
expect_equals "$(sql "SELECT id, disabled, disabled_reason FROM feeds WHERE disabled = 1 ORDER BY id")" "1|1|too noisy
3|1|too noisy" "disabled rows"
run feeds disable 1 --reason "too noisy"
expect_equals "$out" "already disabled feed 1 $base/feed/a (too noisy)" "already disabled"
run feeds list --disabled
expect_equals "$(cut -f1,2 <<<"$out" | tr '\t\n' ': ')" "1:disabled 3:disabled " "--disabled"
expect_equals "$(counter pebble_model_updates_total 'model="feed"')" 5.0 "three first polls and two disables"
run feeds enable 3 77
expect_status 3 "enable one known, one unknown"
expect_equals "$out" "enabled feed 3 $base/feed/c" "enable line"
expect_equals "$err" "pebble feeds enable: no feed '77' in the store" "unknown feed named"
expect_equals "$(sql "SELECT disabled, disabled_reason IS NULL, consecutive_failures, next_poll_at IS NULL FROM feeds WHERE id = 3")" "0|1|0|1" "enabled and due at once"
run feeds disable
expect_status 2 "disable without a feed"

# --- remove: the feed, its items and tags go; the deletes are counted. ---
run feeds remove "$host/feed/b" 1
expect_status 0 "remove two"
expect_equals "$out" "removed feed 2 $base/feed/b (3 item(s) deleted)
removed feed 1 $base/feed/a (3 item(s) deleted)" "remove lines"
expect_equals "$(sql "SELECT group_concat(id) FROM feeds")" 3 "one feed left"
expect_equals "$(sql "SELECT count(*) FROM feed_items")" 3 "its items only"
expect_equals "$(sql "SELECT count(*) FROM feed_tags")" 0 "no tags left behind"
expect_equals "$(counter pebble_model_deletes_total 'model="feed"')" 2.0 "feed deletes"
expect_equals "$(counter pebble_model_deletes_total 'model="feed_item"')" 6.0 "item deletes"
run feeds remove 1
expect_status 1 "nothing left to remove"
expect_equals "$(sql "SELECT status FROM job_runs WHERE command = 'feeds' ORDER BY id DESC LIMIT 1")" failed "a failed run is recorded"

finish
