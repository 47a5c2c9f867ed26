#!/usr/bin/env bash
# --listen forms: ":PORT" (empty host) listens on every address, IPv4 and IPv6, as node_exporter's
# --web.listen-address does; malformed forms are usage errors naming --listen.
source "$(dirname "$0")/lib.sh"
database="sqlite:$work/listen.db"
run --database "$database" import --format netscape /dev/null  # serve never creates a store
port=$(free_port)
start_background "$work/serve.log" "$PEBBLE_BIN" --database "$database" serve --listen ":$port"
pid=$last_pid
wait_until 30 curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$port/healthz" ||
  { cat "$work/serve.log" >&2; fail "--listen :$port does not answer on 127.0.0.1"; finish; }
expect_contains "$(cat "$work/serve.log")" ":$port/metrics" "the log names the port"
if python3 -c 'import socket; s=socket.socket(socket.AF_INET6); s.bind(("::1", 0))' 2>/dev/null; then
  expect_equals "$(http_status "http://[::1]:$port/healthz")" 200 "--listen :$port answers on [::1] too"
else
  echo "no IPv6 loopback here; only IPv4 checked"
fi
stop_process "$pid"

PEBBLE_LISTEN=":$port" start_background "$work/serve-env.log" "$PEBBLE_BIN" --database "$database" serve
wait_until 30 curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$port/healthz" ||
  fail "PEBBLE_LISTEN=:$port does not answer"
stop_process "$last_pid"

for bad in ":" ":-1" ":65536" ":http" "::9466"; do
  run --database "$database" serve --listen "$bad"
  expect_status 2 "--listen '$bad'"
  expect_lines "$err" 1 "one line for --listen '$bad'"
  expect_contains "$err" "--listen" "the error for '$bad' names --listen"
done
finish
