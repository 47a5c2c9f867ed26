#!/usr/bin/env bash
# 500 idle connections from 127.0.0.1 do not lock out a client from 127.0.0.2: serve keeps at most
# --max-connections-per-ip (64 by default) from one address and closes the rest at once, so the
# global limit is never reached by one client.
source "$(dirname "$0")/lib.sh"
require_command python3
database="sqlite:$work/idle.db"
run --database "$database" import --format netscape /dev/null  # serve never creates a store
start_serve "$database" --max-connections-per-ip 64
port=${serve_url##*:}

result=$(/usr/bin/python3 "$PEBBLE_SOURCE_DIR/tests/support/socket_pressure.py" idle "$port" 500)
echo "idle sockets: $result"
field() { python3 -c 'import json, sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$result" "$1"; }
expect_equals "$(field opened)" 500 "connections the kernel completed"
expect_equals "$(field probe_status)" 200 "GET /healthz from 127.0.0.2 while 127.0.0.1 holds 500 sockets"
python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) < 1.0 else 1)' "$(field probe_seconds)" ||
  fail "the probe from 127.0.0.2 took $(field probe_seconds) s (limit 1 s)"
[ "$(field still_open)" -le 64 ] || fail "$(field still_open) connections from one address stayed open (limit 64)"
[ "$(field still_open)" -ge 32 ] || fail "only $(field still_open) idle connections were kept: is the limit 64?"
expect_equals "$(http_status "$serve_url/healthz")" 200 "serve answers 127.0.0.1 again once they are gone"
finish
