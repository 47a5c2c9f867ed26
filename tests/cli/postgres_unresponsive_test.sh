#!/usr/bin/env bash
# A PostgreSQL address that accepts the connection but never answers (a hung host, a stuck proxy):
# a command gives up after the default 10 s connect timeout with one line naming the server and
# without the password, instead of waiting for good; PGCONNECT_TIMEOUT sets another limit, and a
# connect_timeout in the URL wins over both.
source "$(dirname "$0")/lib.sh"
port=$(free_port)
python3 - "$port" >"$work/silent.log" 2>&1 <<'PY' &
import socket, sys
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", int(sys.argv[1])))
server.listen(16)
held = []
while True:  # accept, keep the socket open, never send a byte
    held.append(server.accept()[0])
PY
silent_pid=$!
on_exit "kill $silent_pid"
wait_until 10 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" || fail "the silent server did not start: $(cat "$work/silent.log")"
url="postgresql://pebble:s3cret-pw@127.0.0.1:$port/pebble"

# timeout(1) only keeps a regression from hanging the suite; the bound asserted is far below it.
for case in "default|$url|9|16|" "from PGCONNECT_TIMEOUT|$url|2|6|2" "from the URL|$url?connect_timeout=2|2|6|30"; do
  IFS='|' read -r label database low high environment_timeout <<<"$case"
  if [ -n "$environment_timeout" ]; then
    timeout_variable=(env "PGCONNECT_TIMEOUT=$environment_timeout")
  else
    timeout_variable=(env -u PGCONNECT_TIMEOUT)
  fi
  started=$SECONDS
  set +e
  "${timeout_variable[@]}" timeout 60 "$PEBBLE_BIN" --database "$database" metrics-show >"$work/out" 2>"$work/err"
  status=$?
  set -e
  elapsed=$((SECONDS - started))
  err=$(cat "$work/err")
  expect_equals "$status" 1 "$label timeout: exit status"
  expect_lines "$err" 1 "$label timeout: stderr"
  expect_contains "$err" "cannot connect to PostgreSQL at postgresql://pebble:***@127.0.0.1:$port/pebble" \
    "$label timeout: the error names the server"
  expect_contains "$err" "timeout expired" "$label timeout: the error says why"
  [[ "$err" != *s3cret-pw* ]] || fail "$label timeout: the password leaked: $err"
  [ "$elapsed" -ge "$low" ] && [ "$elapsed" -le "$high" ] ||
    fail "$label timeout: gave up after ${elapsed}s, expected ${low}-${high}s"
done
finish
