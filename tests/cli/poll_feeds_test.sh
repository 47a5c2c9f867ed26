#!/usr/bin/env bash
# poll-feeds against a scripted loopback server (tests/support/feed_server.py): every outcome row of
# SPEC §6 and every hostile server in one run, with the stored feed state asserted afterwards.
source "$(dirname "$0")/lib.sh"

/usr/bin/python3 "$PEBBLE_SOURCE_DIR/tests/support/feed_server.py" >"$work/port" &
server_pid=$!
trap 'kill $server_pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
base="http://127.0.0.1:$(cat "$work/port")"
export PEBBLE_DATABASE_URL="sqlite:$work/pebble.db"
export PEBBLE_DENY_PRIVATE_NETWORKS=false
db() { sqlite3 "$work/pebble.db" "$1"; }
feed_column() { db "SELECT $2 FROM feeds WHERE url = '$base/$1'"; }

paths=(feed/a gone missing forbidden error ratelimit unavailable moved/m moved308/n temp/t loop
       endless trickle bomb entity badutf8 html empty binary wrongcharset)
urls=()
for path in "${paths[@]}"; do urls+=("$base/$path"); done

# --- one run over every row; small limits so the hostile ones end quickly ---
started=$(date +%s)
set +e
/usr/bin/time -v -o "$work/time" "$PEBBLE_BIN" poll-feeds --json --timeout 4 --max-size 1000000 \
  --concurrency 8 --per-host 8 "${urls[@]}" >"$work/stdout" 2>"$work/stderr"
status=$?
set -e
out=$(cat "$work/stdout"); err=$(cat "$work/stderr")
elapsed=$(( $(date +%s) - started ))
expect_status 0 "a run with failing feeds still exits 0"
expect_lines "$out" "${#paths[@]}" "one JSON line per feed"
# A loose bound (one --timeout round takes about 5 s): without the limits a trickling or endless
# server would keep the run going until CTest kills it; 30 s tells that apart on a loaded machine.
[ "$elapsed" -le 30 ] || fail "hostile servers must end within their limits: took ${elapsed}s"
peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
[ "$peak_kb" -lt 400000 ] || fail "peak RSS ${peak_kb} kB: the gzip bomb or endless body was buffered"
expect_contains "$err" "polled ${#paths[@]} feed(s)" "summary on stderr"

json_of() { grep -F "\"url\":\"$base/$1\"" <<<"$out" || true; }
field() { /usr/bin/python3 -c "import json,sys; d=json.loads(sys.stdin.read()); print(d$2)" <<<"$(json_of "$1")"; }

# 200 parsed
expect_equals "$(field feed/a "['status']")" "success" "feed/a status"
expect_equals "$(field feed/a "['new_items']")" "3" "feed/a new items"
expect_equals "$(field feed/a "['feed']['title']")" "a" "feed/a title"
expect_equals "$(field feed/a "['items'][0]['published']")" "2023-11-14T22:10:00Z" "RFC 3339 dates"
expect_equals "$(feed_column feed/a "last_status || ' ' || consecutive_failures || ' ' || etag")" '200 0 "a-v1"' "feed/a state"
expect_equals "$(feed_column feed/a "last_modified")" "Tue, 14 Nov 2023 22:13:20 GMT" "feed/a Last-Modified stored"
expect_equals "$(db "SELECT count(*) FROM feed_items JOIN feeds ON feeds.id = feed_id WHERE url = '$base/feed/a'")" 3 "feed/a items"
expect_equals "$(feed_column feed/a "newest_item_date")" "2023-11-14T22:12:00.000000Z" "newest_item_date"
[ -n "$(feed_column feed/a "next_poll_at")" ] || fail "feed/a has a next poll"
[ -z "$(feed_column feed/a "lease_owner")" ] || fail "feed/a lease released"
# 410
expect_equals "$(feed_column gone "disabled || ' ' || disabled_reason || ' ' || last_status")" "1 gone 410" "410 disables"
expect_equals "$(field gone "['status']")" "gone" "410 status"
# 404 and other 4xx/5xx: failure count, error, backoff
expect_equals "$(field missing "['status']")" "not_found" "404 status"
for row in "missing 404" "forbidden 403" "error 500" "ratelimit 429" "unavailable 503"; do
  set -- $row
  expect_equals "$(feed_column "$1" "last_status || ' ' || consecutive_failures || ' ' || (last_error IS NOT NULL)")" "$2 1 1" "$1 state"
done
[ "$(feed_column missing "next_poll_at > strftime('%Y-%m-%dT%H:%M:%S', 'now', '+3500 seconds')")" = 1 ] ||
  fail "404 backs off to interval x 2"
# 429/503 with Retry-After
[ "$(feed_column ratelimit "next_poll_at >= strftime('%Y-%m-%dT%H:%M:%S', 'now', '+7100 seconds')")" = 1 ] ||
  fail "429 Retry-After 7200 s honoured: $(feed_column ratelimit next_poll_at)"
# A Retry-After date in 2098 is capped at the 24 h backoff cap (a later run must read the row back).
[ "$(feed_column unavailable "next_poll_at >= strftime('%Y-%m-%dT%H:%M:%S', 'now', '+86000 seconds') AND next_poll_at <= strftime('%Y-%m-%dT%H:%M:%S', 'now', '+86460 seconds')")" = 1 ] ||
  fail "503 Retry-After date capped at 24 h: $(feed_column unavailable next_poll_at)"
# 301 / 308 chains ending in 200 move the feed; a 302 does not
expect_equals "$(db "SELECT count(*) FROM feeds WHERE url = '$base/feed/m'")" 1 "301 moved the URL"
expect_equals "$(db "SELECT count(*) FROM feeds WHERE url = '$base/moved/m'")" 0 "old URL gone after 301"
expect_equals "$(db "SELECT count(*) FROM feeds WHERE url = '$base/feed/n'")" 1 "308+301 chain moved the URL"
expect_equals "$(feed_column temp/t "last_status")" 200 "302 polled"
expect_equals "$(db "SELECT count(*) FROM feeds WHERE url = '$base/feed/t'")" 0 "302 keeps the URL"
# hostile servers: each an error on its own feed, within its limits
check_error() {  # PATH REASON-WORD
  expect_equals "$(field "$1" "['status']")" "error" "$1 is an error"
  expect_equals "$(feed_column "$1" "consecutive_failures")" 1 "$1 counted as a failure"
  expect_contains "$(field "$1" "['error']")" "$2" "$1 error text"
}
check_error loop "edirect"
check_error endless "larger than 1000000 bytes"
check_error trickle "timed out"
check_error bomb "larger than 1000000 bytes"
check_error html "HTML"
check_error empty "empty"
check_error binary "feed"
# The entity bomb is never expanded: either refused, or parsed without the expansion.
if [ "$(field entity "['status']")" = success ]; then
  title=$(field entity "['feed']['title']")
  [ "${#title}" -lt 100 ] || fail "entity bomb expanded"
fi
# Invalid UTF-8 and a lying charset end as stored, valid UTF-8 or as a parse error, never a crash.
for path in badutf8 wrongcharset; do
  case "$(field $path "['status']")" in success|error) ;; *) fail "$path: unexpected outcome" ;; esac
done
[ "$(db "SELECT count(*) FROM feeds WHERE lease_owner IS NOT NULL")" = 0 ] || fail "leases left behind"

# --- metrics committed with the data ---
run metrics-show --format text feed_polls_total feed_poll_errors_total feed_items_discovered_total
expect_contains "$out" 'feed_polls_total{command="poll-feeds",status="gone"} 1' "gone counted"
expect_contains "$out" 'feed_polls_total{command="poll-feeds",status="not_found"} 1' "not_found counted"
expect_contains "$out" 'feed_poll_errors_total{command="poll-feeds",reason="too_large"} 2' "too_large counted"
expect_contains "$out" 'feed_poll_errors_total{command="poll-feeds",reason="timeout"} 1' "timeout counted"
expect_contains "$out" 'feed_poll_errors_total{command="poll-feeds",reason="redirects"} 1' "redirects counted"

# --- second poll of feed/a: conditional GET, 304 ---
polled_before=$(feed_column feed/a last_polled_at)
run poll-feeds --json "$base/feed/a"
expect_status 0 "second poll"
expect_contains "$out" '"status":"not_modified"' "304 reported"
expect_contains "$out" '"new_items":0' "304 has no new items"
[ "$(feed_column feed/a last_polled_at)" != "$polled_before" ] || fail "304 sets last_polled_at"
expect_equals "$(feed_column feed/a "last_status")" 304 "304 stored"

# --- the schedule: nothing is due right after; --all ignores it; --limit ---
run poll-feeds --json
expect_status 0 "scheduled run"
expect_equals "$out" "" "nothing due"
run poll-feeds --json --all --limit 2
expect_lines "$out" 2 "--all --limit 2 polls two"

# --- --dry-run stores nothing, new URL not subscribed ---
feeds_before=$(db "SELECT count(*) FROM feeds")
run poll-feeds --dry-run --json "$base/feed/dry"
expect_status 0 "dry run"
expect_contains "$out" '"guid":"dry-2"' "dry run prints every parsed item"
expect_equals "$(db "SELECT count(*) FROM feeds")" "$feeds_before" "dry run subscribes nothing"

# --- PEBBLE_DENY_PRIVATE_NETWORKS refuses loopback ---
PEBBLE_DENY_PRIVATE_NETWORKS=true run poll-feeds --json "$base/feed/private"
expect_status 0 "denied feed is a feed failure, not a run failure"
expect_contains "$out" "PEBBLE_DENY_PRIVATE_NETWORKS" "loopback refused"
counts=$(curl -s "$base/__counts")
[[ "$counts" != *'"/feed/private"'* ]] || fail "a refused feed must not reach the server"

# --- SIGINT: what finished is committed, unfinished leases released, exit 130 ---
"$PEBBLE_BIN" poll-feeds --json "$base/feed/quick" "$base/slow/s1" "$base/slow/s2" >"$work/int.out" 2>"$work/int.err" &
poller=$!
for _ in $(seq 100); do [[ "$(curl -s "$base/__counts")" == *'"/slow/s2"'* ]] && break; sleep 0.1; done
sleep 0.5
kill -INT "$poller"
set +e; wait "$poller"; status=$?; set -e
expect_status 130 "SIGINT exits 130"
expect_contains "$(cat "$work/int.out")" "$base/feed/quick" "the feed finished before SIGINT is reported"
expect_equals "$(feed_column feed/quick last_status)" 200 "the feed finished before SIGINT is committed"
expect_equals "$(db "SELECT count(*) FROM feeds WHERE url LIKE '%/slow/s%' AND lease_owner IS NULL AND last_polled_at IS NULL")" 2 \
  "interrupted feeds are unpolled and their leases released"

# --- store unreachable: exit 1 ---
run poll-feeds --database "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"
expect_status 1 "unreachable store"

finish
