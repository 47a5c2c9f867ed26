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
nginx_pid=""
trap '[ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null; [ -n "${PEBBLE_BENCH_KEEP:-}" ] || rm -rf "$work"' EXIT
command -v nginx >/dev/null || { echo "nginx is not installed: unfurl benchmark skipped" >&2; exit 0; }

port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
/usr/bin/python3 "$here/gen_pages.py" "$work" "$count" "$base"
chmod -R a+rX "$work"  # nginx workers run as an unprivileged user when started as root
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  types { text/html html; }
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:$port;
    root $work/www;
    etag on;
    gzip on;
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
nginx_pid=$!
for _ in $(seq 50); do curl -sf "$base/page0.html" >/dev/null && break; sleep 0.1; done

export PEBBLE_DATABASE_URL="sqlite:$work/pebble.db" PEBBLE_USER=bench PEBBLE_DENY_PRIVATE_NETWORKS=false
"$pebble" import "$work/bookmarks.html" >/dev/null 2>&1

# time_of LABEL CMD...: wall seconds, CPU seconds (user+sys) and peak RSS (kB).
time_of() {
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/$label.err" ||
    { echo "$label failed: $(tail -3 "$work/$label.err")" >&2; }
  read -r wall user sys rss <"$work/time"
  printf '%s %s %s %s\n' "$label" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}')" "$rss" >>"$work/results"
}
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
