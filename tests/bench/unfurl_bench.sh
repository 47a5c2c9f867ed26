#!/usr/bin/env bash
# Unfurling 1 000 bookmark pages (about 40 KB of HTML each, tests/bench/gen_pages.py) served by a
# real nginx on loopback (ETag on, gzip on): pebble's first run (every page read, its title,
# description and feed filled) and a second `--all` run (every page answers 304). Reports wall
# time, CPU time, peak RSS and pages per second. Usage: unfurl_bench.sh PEBBLE_BINARY [PAGES] [CONCURRENCY]
set -euo pipefail
pebble=$1
count=${2:-1000}
concurrency=${3:-16}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/pebble-unfurl-bench.XXXXXX)
# shellcheck source=tests/bench/bench_lib.sh
source "$here/bench_lib.sh"
command -v nginx >/dev/null || { echo "nginx is not installed: unfurl benchmark skipped" >&2; exit 0; }

pick_port
/usr/bin/python3 "$here/gen_pages.py" "$work" "$count" "$base"
start_nginx "$work/www" "text/html html;" page0.html

export PEBBLE_DATABASE_URL="sqlite:$work/pebble.db" PEBBLE_USER=bench PEBBLE_DENY_PRIVATE_NETWORKS=false
"$pebble" import "$work/bookmarks.html" >/dev/null 2>&1

time_of first "$pebble" unfurl --concurrency "$concurrency" --per-host "$concurrency"
filled=$(sqlite3 "$work/pebble.db" "SELECT count(*) FROM bookmarks WHERE title LIKE 'Article %' AND feed_url LIKE '%/feed.xml'")
time_of second_all_304 "$pebble" unfurl --all --concurrency "$concurrency" --per-host "$concurrency"
not_modified=$(sqlite3 "$work/pebble.db" "SELECT count(*) FROM bookmark_unfurls WHERE http_status = 304")

echo "== unfurling $count pages (about 40 KB each) from nginx on loopback, concurrency $concurrency =="
echo "($filled bookmarks got their title and feed from the first run; $not_modified pages answered 304 on the second)"
printf '%-16s %8s %8s %10s %8s\n' run wall_s cpu_s peak_rss_MB pages/s
while read -r label wall cpu rss; do
  printf '%-16s %8.2f %8.2f %10.1f %8.0f\n' "$label" "$wall" "$cpu" "$(awk -v r="$rss" 'BEGIN{print r/1024}')" \
    "$(awk -v n="$count" -v w="$wall" 'BEGIN{print (w > 0 ? n / w : 0)}')"
done <"$work/results"
