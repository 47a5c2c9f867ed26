#!/usr/bin/env bash
# Benchmark (not a test): /metrics latency of `pebble serve` on a store with 100 000 bookmarks,
# 1 000 feeds and 100 000 feed items (SPEC §11: cached, no table scan per request, concurrent).
# Usage: tests/bench/scrape_latency.sh PEBBLE_BINARY
# Prints p50/p99 from wrk (10 s, 4 connections) and from 200 sequential curls.
set -euo pipefail
pebble=$(realpath "${1:?usage: scrape_latency.sh PEBBLE_BINARY}")
bookmarks=${BENCH_BOOKMARKS:-100000}
feeds=${BENCH_FEEDS:-1000}
items=${BENCH_FEED_ITEMS:-100000}
users=10
for tool in sqlite3 wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "scrape_latency: $tool is not installed" >&2; exit 1; }
done

work=$(mktemp -d /tmp/pebble-bench-scrape.XXXXXX)
serve_pid=""
cleanup() {
  [ -z "$serve_pid" ] || { kill "$serve_pid" 2>/dev/null; wait "$serve_pid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT
export HOME="$work" XDG_DATA_HOME="$work/data"
database="$work/scrape.db"

# pebble creates the schema (and a little metrics history); the bulk rows come from generated SQL.
"$pebble" --database "sqlite:$database" test-metrics >/dev/null
cat >"$work/fill.sql" <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $users)
INSERT INTO users (username, created_at, updated_at)
SELECT 'bench_user_' || i, '2025-06-28T21:34:00.123456Z', '2025-06-28T21:34:00.123456Z' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $bookmarks)
INSERT INTO bookmarks (owner_id, url, unique_hash, title, created_at, updated_at)
SELECT (SELECT id FROM users WHERE username = 'bench_user_' || (1 + i % $users)),
       'https://bench.example/page/' || i, printf('%064x', i), 'Bench page ' || i,
       '2025-06-28T21:34:00.123456Z', '2025-06-28T21:34:00.123456Z' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $feeds)
INSERT INTO feeds (url, title, disabled, consecutive_failures, next_poll_at, created_at, updated_at)
SELECT 'https://bench.example/feed/' || i, 'Bench feed ' || i, i % 10 = 0, CASE WHEN i % 7 = 0 THEN 3 ELSE 0 END,
       CASE WHEN i % 2 = 0 THEN '2025-06-28T21:34:00.123456Z' ELSE '2999-01-01T00:00:00.000000Z' END,
       '2025-06-28T21:34:00.123456Z', '2025-06-28T21:34:00.123456Z' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $items)
INSERT INTO feed_items (feed_id, guid, link, title, published_at, first_seen_at, last_seen_at, created_at, updated_at)
SELECT (SELECT min(id) FROM feeds) + i % $feeds, 'urn:bench:item:' || i, 'https://bench.example/item/' || i,
       'Bench item ' || i, '2025-06-28T21:34:00.123456Z', '2025-06-28T21:34:00.123456Z',
       '2025-06-28T21:34:00.123456Z', '2025-06-28T21:34:00.123456Z', '2025-06-28T21:34:00.123456Z' FROM n;
COMMIT;
SQL
fill_started=$(date +%s%N)
python3 "$(dirname "$0")/sqlite_fill.py" "$database" "$work/fill.sql"  # the triggers call pebble functions
echo "store: $bookmarks bookmarks, $feeds feeds, $items feed items ($((($(date +%s%N) - fill_started) / 1000000)) ms to load)"

"$pebble" --database "sqlite:$database" serve --listen 127.0.0.1:0 >"$work/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 300); do grep -q 'on http://' "$work/serve.log" && break; sleep 0.1; done
url="$(grep -o 'http://[0-9.]*:[0-9]*' "$work/serve.log" | head -n 1)/metrics"
curl -sf "$url" >"$work/first.txt" || { echo "scrape_latency: serve does not answer: $(cat "$work/serve.log")" >&2; exit 1; }
grep -E '^pebble_(bookmarks|feed_items|store_query_duration_seconds) ' "$work/first.txt" | sed 's/^/  /'

echo "wrk: 10 s, 4 connections, 2 threads"
wrk -t2 -c4 -d10s --latency "$url" >"$work/wrk.txt"
awk '/Requests\/sec/ { print "  requests/s: " $2 }
     /^ +50%/ { print "  p50: " $2 } /^ +99%/ { print "  p99: " $2 }
     /Non-2xx|Socket errors/ { print "  " $0 }' "$work/wrk.txt"

echo "curl: 200 sequential scrapes"
for _ in $(seq 200); do curl -s -o /dev/null -w '%{time_total}\n' "$url"; done >"$work/curl.txt"
sort -n "$work/curl.txt" | awk '{ t[NR] = $1 } END {
  printf "  p50: %.2fms\n  p99: %.2fms\n", 1000 * t[int(NR * 0.50)], 1000 * t[int(NR * 0.99)] }'
