# shellcheck shell=bash
# What the benchmarks that fetch from a real nginx share. Source it after setting $work (a private
# folder the caller removes); it kills nginx on exit.
#   pick_port: sets port (a free loopback port) and base (http://127.0.0.1:port), before the
#     files that name base are written.
#   start_nginx ROOT TYPES PROBE [DIRECTIVE...]: serves ROOT on $port with ETag and gzip on; TYPES
#     is nginx's types block body, each DIRECTIVE one more line of the server block; returns when
#     PROBE (a path under ROOT) answers. Sets nginx_pid.
#   time_of LABEL CMD...: runs CMD, appends "LABEL wall_s cpu_s peak_rss_kB" to $work/results.

nginx_pid=""
trap '[ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null; [ -n "${PEBBLE_BENCH_KEEP:-}" ] || rm -rf "$work"' EXIT

pick_port() {
  port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  base="http://127.0.0.1:$port"
}

start_nginx() {
  local root=$1 types=$2 probe=$3; shift 3
  local directive extra=""
  for directive in "$@"; do extra+="    $directive"$'\n'; done
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
  types { $types }
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:$port;
    root $root;
    etag on;
    gzip on;
$extra  }
}
CONF
  nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
  nginx_pid=$!
  for _ in $(seq 50); do curl -sf "$base/$probe" >/dev/null && return 0; sleep 0.1; done
  echo "nginx did not answer $base/$probe" >&2
  return 1
}

time_of() {
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/$label.err" ||
    { echo "$label failed: $(tail -3 "$work/$label.err")" >&2; }
  read -r wall user sys rss <"$work/time"
  printf '%s %s %s %s\n' "$label" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}')" "$rss" >>"$work/results"
}
