#!/usr/bin/env bash
# Slowloris: 200 connections, each from its own loopback address so no per-IP limit shields the
# server, send one byte of a request and then nothing, for 20 s (a connection the server times out
# is opened again). /healthz, probed every 0.5 s meanwhile, must answer every time within 1 s: a
# server that gives a thread to each unfinished request stalls here.
source "$(dirname "$0")/lib.sh"
require_command python3
database="sqlite:$work/slowloris.db"
run --database "$database" import --format netscape /dev/null  # serve never creates a store
start_serve "$database"
port=${serve_url##*:}

result=$(/usr/bin/python3 "$PEBBLE_SOURCE_DIR/tests/support/socket_pressure.py" slowloris "$port" 200 20)
echo "slowloris: $result"
field() { python3 -c 'import json, sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$result" "$1"; }
[ "$(field probes)" -ge 30 ] || fail "only $(field probes) probes ran in 20 s"
expect_equals "$(field failed)" 0 "probes that failed or were not 200"
python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) < 1.0 else 1)' "$(field slowest_seconds)" ||
  fail "the slowest /healthz probe took $(field slowest_seconds) s (limit 1 s)"
[ "$(field fewest_open)" -ge 190 ] || fail "the attack held only $(field fewest_open) of 200 connections"
expect_equals "$(http_status "$serve_url/healthz")" 200 "serve answers after the attack"
kill -0 "$serve_pid" 2>/dev/null || fail "serve exited during the attack"
finish
