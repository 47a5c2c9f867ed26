#!/usr/bin/env bash
# Polling 1 000 feed files served by a real nginx on loopback (ETag and Last-Modified on): pebble's
# first run, second run (all 304) and runs of 200s with the same bytes (items known by their
# fingerprints, then not), side by side with `newsboat -x reload` on its own urls file and cache.
# Usage: poll_bench.sh PEBBLE_BINARY [FEEDS] [CONCURRENCY]
set -euo pipefail
pebble=$1
count=${2:-1000}
concurrency=${3:-16}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/pebble-poll-bench.XXXXXX)
# shellcheck source=tests/bench/bench_lib.sh
source "$here/bench_lib.sh"
command -v nginx >/dev/null || { echo "nginx is not installed: poll benchmark skipped" >&2; exit 0; }
command -v newsboat >/dev/null || { echo "newsboat is not installed: poll benchmark skipped" >&2; exit 0; }

/usr/bin/python3 "$here/gen_feeds.py" many "$work/www" "$count"
pick_port
start_nginx "$work/www" "application/rss+xml xml;" feed0.xml "gzip_types application/rss+xml;"

for n in $(seq 0 $((count - 1))); do echo "$base/feed$n.xml"; done >"$work/urls"

db="sqlite:$work/pebble.db"
"$pebble" --database "$db" poll-feeds >/dev/null 2>&1
values=$(sed "s/.*/('&','2020-01-01T00:00:00Z','2020-01-01T00:00:00Z')/" "$work/urls" | paste -sd,)
sqlite3 "$work/pebble.db" "INSERT INTO feeds (url, created_at, updated_at) VALUES $values"
export PEBBLE_DENY_PRIVATE_NETWORKS=false
time_of pebble_first "$pebble" --database "$db" poll-feeds --concurrency "$concurrency" --per-host "$concurrency"
time_of pebble_second "$pebble" --database "$db" poll-feeds --all --concurrency "$concurrency" --per-host "$concurrency"
polled=$(sqlite3 "$work/pebble.db" "SELECT count(*) FROM feeds WHERE last_status = 304")
# A third run that gets every feed with a 200 and the same bytes (its validators forgotten, as with a
# server that sends none): every item is unchanged, so none is sanitized or rewritten.
sqlite3 "$work/pebble.db" "UPDATE feeds SET etag = NULL, last_modified = NULL"
time_of pebble_same_200 "$pebble" --database "$db" poll-feeds --all --concurrency "$concurrency" --per-host "$concurrency"
# The same run with the items' fingerprints forgotten too: every item sanitized and rewritten, as
# every poll of a 200 did before the fingerprints.
sqlite3 "$work/pebble.db" "UPDATE feeds SET etag = NULL, last_modified = NULL; UPDATE feed_items SET source_fingerprint = NULL"
time_of pebble_200_unknown "$pebble" --database "$db" poll-feeds --all --concurrency "$concurrency" --per-host "$concurrency"
items=$(sqlite3 "$work/pebble.db" "SELECT count(*) FROM feed_items")

printf 'reload-threads %s\n' "$concurrency" >"$work/newsboat.conf"
time_of newsboat_first newsboat -x reload -u "$work/urls" -c "$work/newsboat.db" -C "$work/newsboat.conf"
time_of newsboat_second newsboat -x reload -u "$work/urls" -c "$work/newsboat.db" -C "$work/newsboat.conf"

echo "== polling $count feeds from nginx on loopback, concurrency $concurrency =="
echo "(pebble: $items items stored, $polled feeds answered 304 on the second run)"
printf '%-16s %8s %8s %10s\n' run wall_s cpu_s peak_rss_MB
while read -r label wall cpu rss; do
  printf '%-16s %8.2f %8.2f %10.1f\n' "$label" "$wall" "$cpu" "$(awk -v r="$rss" 'BEGIN{print r/1024}')"
done <"$work/results"
awk '{wall[$1]=$2; cpu[$1]=$3} END {
  printf "first run: newsboat wall / pebble wall = %.1fx (target >= 3x); CPU ratio %.1fx\n", wall["newsboat_first"] / wall["pebble_first"], cpu["newsboat_first"] / cpu["pebble_first"]
  printf "second run: newsboat wall / pebble wall = %.1fx\n", wall["newsboat_second"] / wall["pebble_second"]
  printf "pebble second-run CPU = %.0f%% of the first run (target < 20%%)\n", 100 * cpu["pebble_second"] / cpu["pebble_first"]
  printf "pebble same-bytes 200 run CPU = %.0f%% of the first run, %.0f%% of the same run without fingerprints\n", 100 * cpu["pebble_same_200"] / cpu["pebble_first"], 100 * cpu["pebble_same_200"] / cpu["pebble_200_unknown"] }' "$work/results"
