#!/usr/bin/env bash
# pebble unfurl against hostile servers, as poll-feeds is tested: slow, trickling, endless, a gzip
# bomb, a page of 10.5 MiB, a redirect loop, PEBBLE_DENY_PRIVATE_NETWORKS, and SIGINT halfway.
# Every page ends within its limits, memory stays bounded, and what finished is kept.
source "$(dirname "$0")/lib.sh"
start_feed_server
db="$work/store.db"
export PEBBLE_DATABASE_URL="sqlite:$db" PEBBLE_USER=alice PEBBLE_DENY_PRIVATE_NETWORKS=false
sql() { sqlite3 -batch -noheader "$db" "$1"; }

paths=(slowpage trickle endlesspage bombpage loop page/plain.html)
for path in "${paths[@]}"; do run bookmarks add "$base/$path" --no-unfurl; done

# --- One run over all of them, with small limits so the hostile ones end quickly. ---
started=$(date +%s)
set +e
/usr/bin/time -v -o "$work/time" "$PEBBLE_BIN" unfurl --json --timeout 2 --max-size 1000000 \
  --concurrency 8 --per-host 8 >"$work/stdout" 2>"$work/stderr"
status=$?
set -e
out=$(cat "$work/stdout"); err=$(cat "$work/stderr")
elapsed=$(( $(date +%s) - started ))
expect_status 3 "some pages failed"
expect_lines "$out" "${#paths[@]}" "one JSON line per page"
[ "$elapsed" -le 30 ] || fail "hostile servers must end within their limits: took ${elapsed}s"
peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
[ "$peak_kb" -lt 400000 ] || fail "peak RSS ${peak_kb} kB: the gzip bomb or the endless page was buffered"
field() { python3 -c "import json,sys
for line in sys.stdin:
    d = json.loads(line)
    if d['url'] == sys.argv[1]: print($2)" "$base/$1" <<<"$out"; }
expect_equals "$(field slowpage "d['status'], d['http_status']")" "error None" "a slow page times out"
expect_contains "$(field slowpage "d['error']")" "$base/slowpage: " "its error names the URL"
expect_contains "$(field trickle "d['error']")" "imed out" "a trickling page times out"
for endless in endlesspage bombpage; do
  expect_equals "$(field "$endless" "d['status'], d['truncated'], d['title']")" \
    "success True A page of more than 10 MB" "$endless: read from its first --max-size bytes"
done
expect_equals "$(field loop "d['status']")" "error" "a redirect loop fails"
expect_contains "$(field loop "d['error']")" "edirect" "and says so"
expect_equals "$(field page/plain.html "d['status'], d['title']")" "success A plain page title" "a good page among them"
expect_equals "$(sql "SELECT count(*) FROM bookmark_unfurls WHERE status = 'error' AND unfurled_at IS NULL")" 3 "failed attempts recorded"

# --- A page of 10.5 MiB at the default --max-size (10 MiB): cut, read, not a failure. ---
run bookmarks add "$base/bigpage" --no-unfurl
run unfurl --json "$base/bigpage"
expect_status 0 "the big page"
expect_equals "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["status"], d["truncated"], d["title"], d["description"])' <<<"$out")" \
  "success True A page of more than 10 MB Its head is read; the rest is cut at --max-size." "cut at 10 MiB and read"

# --- PEBBLE_DENY_PRIVATE_NETWORKS: loopback is refused before a connection is made. ---
run bookmarks add "$base/page/twitter.html?private" --no-unfurl
PEBBLE_DENY_PRIVATE_NETWORKS=true run unfurl --json "$base/page/twitter.html?private"
expect_status 3 "a refused page"
expect_equals "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["status"], d["http_status"])' <<<"$out")" "blocked None" "blocked"
expect_contains "$out" "PEBBLE_DENY_PRIVATE_NETWORKS" "says why"
[[ "$(curl -s "$base/__counts")" != *'"/page/twitter.html"'* ]] || fail "a refused page must not reach the server"
expect_equals "$(sql "SELECT value FROM metric_counters WHERE command = 'unfurl' AND family = 'unfurl_operations_total' AND labels = 'status=\"blocked\"'")" 1.0 "counted as blocked"

# --- SIGINT: the page read is kept, the unfinished ones are left as they were, exit 130. ---
run bookmarks add "$base/page/no_head.html" --no-unfurl
run bookmarks add "$base/slowpage?a" --no-unfurl
run bookmarks add "$base/slowpage?b" --no-unfurl
before=$(curl -s "$base/__counts" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("/slowpage", 0))')
"$PEBBLE_BIN" unfurl "$base/page/no_head.html" "$base/slowpage?a" "$base/slowpage?b" >"$work/int.out" 2>"$work/int.err" &
unfurler=$!
for _ in $(seq 100); do
  now=$(curl -s "$base/__counts" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("/slowpage", 0))')
  [ "$now" -ge $((before + 2)) ] && break
  sleep 0.1
done
sleep 0.5
kill -INT "$unfurler"
set +e; wait "$unfurler"; status=$?; set -e
expect_status 130 "SIGINT exits 130"
expect_contains "$(cat "$work/int.out")" "No head, no html, no body" "the page finished before SIGINT is reported"
expect_equals "$(sql "SELECT u.status FROM bookmark_unfurls u JOIN bookmarks b ON b.id = u.bookmark_id WHERE b.url = '$base/page/no_head.html'")" success "and kept"
expect_equals "$(sql "SELECT count(*) FROM bookmark_unfurls u JOIN bookmarks b ON b.id = u.bookmark_id WHERE b.url LIKE '%slowpage?%'")" 0 "the interrupted pages are left as they were"
expect_equals "$(sql "SELECT status FROM job_runs WHERE command = 'unfurl' ORDER BY id DESC LIMIT 1")" partial "an interrupted run is partial"

finish
