#!/usr/bin/env bash
# Benchmark (not a test): how long the read commands take, start-up included, with the store warm
# (issue #14: `feeds list` on 1 000 feeds ≤ 15 ms, `items --limit 50` and `bookmarks list --search`
# on a 100 000-row store ≤ 20 ms). Each command runs once to warm the page cache, then 10 times;
# the median wall time is printed, output going to /dev/null (the tab-separated form).
# Usage: tests/bench/read_commands_bench.sh PEBBLE_BINARY
set -euo pipefail
pebble=$(realpath "${1:?usage: read_commands_bench.sh PEBBLE_BINARY}")
feeds=${BENCH_FEEDS:-1000}
rows=${BENCH_ROWS:-100000}
runs=${BENCH_RUNS:-10}

work=$(mktemp -d /tmp/pebble-bench-read.XXXXXX)
trap 'rm -rf "$work"' EXIT
export HOME="$work" XDG_DATA_HOME="$work/data" PEBBLE_USER=bench
database="$work/read.db"

# pebble creates the schema; the rows come from generated SQL, through the same triggers (item
# counts, full-text index) a poll or an import goes through. Titles carry one of 1 000 words, so a
# word matches 1 in 1 000 rows; "common" is in one row in ten.
"$pebble" --database "sqlite:$database" bookmarks add https://bench.example/ --title "first" --no-unfurl >/dev/null
cat >"$work/fill.sql" <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $feeds)
INSERT INTO feeds (url, title, disabled, consecutive_failures, last_status, last_polled_at, next_poll_at, created_at, updated_at)
SELECT 'https://bench.example/feed/' || i, 'Bench feed ' || i, i % 10 = 0, CASE WHEN i % 7 = 0 THEN 3 ELSE 0 END,
       200, '2025-06-28T21:34:00.123456Z',
       CASE WHEN i % 2 = 0 THEN '2025-06-28T21:34:00.123456Z' ELSE '2999-01-01T00:00:00.000000Z' END,
       '2025-06-28T21:34:00.123456Z', '2025-06-28T21:34:00.123456Z' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $feeds)
INSERT INTO feed_tags (feed_id, name) SELECT i, 'tag' || (i % 20) FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)
INSERT INTO feed_items (feed_id, guid, link, title, summary, published_at, first_seen_at, last_seen_at, created_at, updated_at)
SELECT 1 + i % $feeds, 'urn:bench:item:' || i, 'https://bench.example/item/' || i,
       'Bench item ' || i || ' word' || (i % 1000) || CASE WHEN i % 10 = 0 THEN ' common' ELSE '' END,
       'A summary of item ' || i || ' with a few more words to index',
       strftime('%Y-%m-%dT%H:%M:%S.000000Z', 1700000000 + i * 60, 'unixepoch'),
       '2025-06-28T21:34:00.123456Z', '2025-06-28T21:34:00.123456Z', '2025-06-28T21:34:00.123456Z',
       '2025-06-28T21:34:00.123456Z' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)
INSERT INTO bookmarks (owner_id, url, unique_hash, title, description, created_at, updated_at)
SELECT (SELECT id FROM users WHERE username = 'bench'), 'https://bench.example/page/' || i, printf('%064x', i),
       'Bench page ' || i || ' word' || (i % 1000) || CASE WHEN i % 10 = 0 THEN ' common' ELSE '' END,
       'A description of page ' || i,
       strftime('%Y-%m-%dT%H:%M:%S.000000Z', 1700000000 + i * 60, 'unixepoch'),
       '2025-06-28T21:34:00.123456Z' FROM n;
COMMIT;
SQL
fill_started=$(date +%s%N)
python3 "$(dirname "$0")/sqlite_fill.py" "$database" "$work/fill.sql"
echo "store: $feeds feeds, $rows feed items, $rows bookmarks ($((($(date +%s%N) - fill_started) / 1000000)) ms to load)"

# median_ms ARGS...: the median wall time of `pebble ARGS`, after one warm-up run.
median_ms() {
  "$pebble" --database "sqlite:$database" "$@" >"$work/out" || { echo "pebble $* failed" >&2; exit 1; }
  local lines
  lines=$(wc -l <"$work/out")
  for _ in $(seq "$runs"); do
    # Bash's own clock (microseconds): a `$(date)` on each side would add its own fork and exec.
    local started=${EPOCHREALTIME/./}
    "$pebble" --database "sqlite:$database" "$@" >/dev/null
    echo $((${EPOCHREALTIME/./} - started))
  done | sort -n | awk -v lines="$lines" -v label="$*" '{ t[NR] = $1 } END {
    m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
    printf "  %-45s median %6.1f ms  (min %.1f, max %.1f; %d lines)\n", label, m / 1000, t[1] / 1000, t[NR] / 1000, lines }'
}

echo "median of $runs runs, warm store, output to /dev/null"
median_ms --version
median_ms feeds list
median_ms feeds list --json
median_ms items --limit 50
median_ms items --limit 50 --unread
median_ms items --limit 50 --feed 500
median_ms items --search word42
median_ms items --search common --limit 50
median_ms bookmarks list --limit 50
median_ms bookmarks list --search word42
median_ms bookmarks list --search common --limit 50
