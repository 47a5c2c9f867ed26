#!/usr/bin/env bash
# Polling 1 000 feed files served by a real nginx on loopback (ETag and Last-Modified on): pebble's
# first run and second run (all 304) side by side with `newsboat -x reload` on its own urls file and
# cache. Usage: poll_bench.sh PEBBLE_BINARY [FEEDS] [CONCURRENCY]
set -euo pipefail
pebble=$1
count=${2:-1000}
concurrency=${3:-16}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/pebble-poll-bench.XXXXXX)
nginx_pid=""
trap '[ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null; [ -n "${PEBBLE_BENCH_KEEP:-}" ] || rm -rf "$work"' EXIT
command -v nginx >/dev/null || { echo "nginx is not installed: poll benchmark skipped" >&2; exit 0; }
command -v newsboat >/dev/null || { echo "newsboat is not installed: poll benchmark skipped" >&2; exit 0; }

/usr/bin/python3 "$here/gen_feeds.py" many "$work/www" "$count"
chmod -R a+rX "$work"  # nginx workers run as an unprivileged user when started as root
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
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
  types { application/rss+xml xml; }
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:$port;
    root $work/www;
    etag on;
    gzip on;
    gzip_types application/rss+xml;
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
nginx_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/feed0.xml" >/dev/null && break; sleep 0.1; done

base="http://127.0.0.1:$port"
for n in $(seq 0 $((count - 1))); do echo "$base/feed$n.xml"; done >"$work/urls"

# time_of LABEL CMD...: wall seconds, CPU seconds (user+sys) and peak RSS (kB).
time_of() {
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/$label.err" || { echo "$label failed: $(tail -3 "$work/$label.err")" >&2; }
  read -r wall user sys rss <"$work/time"
  printf '%s %s %s %s\n' "$label" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}')" "$rss" >>"$work/results"
}

db="sqlite:$work/pebble.db"
"$pebble" --database "$db" poll-feeds >/dev/null 2>&1
values=$(sed "s/.*/('&','2020-01-01T00:00:00Z','2020-01-01T00:00:00Z')/" "$work/urls" | paste -sd,)
sqlite3 "$work/pebble.db" "INSERT INTO feeds (url, created_at, updated_at) VALUES $values"
export PEBBLE_DENY_PRIVATE_NETWORKS=false
time_of pebble_first "$pebble" --database "$db" poll-feeds --concurrency "$concurrency" --per-host "$concurrency"
time_of pebble_second "$pebble" --database "$db" poll-feeds --all --concurrency "$concurrency" --per-host "$concurrency"
polled=$(sqlite3 "$work/pebble.db" "SELECT count(*) FROM feeds WHERE last_status = 304")
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
  printf "pebble second-run CPU = %.0f%% of the first run (target < 20%%)\n", 100 * cpu["pebble_second"] / cpu["pebble_first"] }' "$work/results"
