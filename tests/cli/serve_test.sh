#!/usr/bin/env bash
# `pebble serve`'s promises (SPEC §7): valid exposition, its endpoints and their errors, auth,
# the master switch, clean shutdown on SIGTERM, and listen errors.
source "$(dirname "$0")/lib.sh"
require_command promtool
database="sqlite:$work/serve.db"
run --database "$database" test-metrics
expect_status 0 "test-metrics fills the store"

start_serve "$database"
curl -sf "$serve_url/metrics" >"$work/metrics.txt" || fail "GET /metrics failed"
expect_contains "$(cat "$work/metrics.txt")" "pebble_bookmarks 5" "/metrics shows the store's bookmarks"
expect_equals "$(promtool check metrics <"$work/metrics.txt" 2>&1)" "" "promtool check metrics finds nothing"
expect_contains "$(curl -s -D - -o /dev/null "$serve_url/metrics")" "text/plain; version=0.0.4" \
  "/metrics has the text format's content type"
expect_equals "$(http_status "$serve_url/healthz")" 200 "/healthz"
expect_equals "$(http_status "$serve_url/readyz")" 200 "/readyz with a reachable store"
expect_equals "$(http_status "$serve_url/metrics" -I)" 200 "HEAD /metrics"

index=$(curl -s -D "$work/index.headers" "$serve_url/")
expect_contains "$(cat "$work/index.headers")" "text/html" "/ is HTML"
for link in /metrics /healthz /readyz; do
  expect_contains "$index" "href=\"$link\"" "/ links $link"
done
expect_equals "$(http_status "$serve_url/no-such-page")" 404 "an unknown path"
expect_equals "$(http_status "$serve_url/metrics" -X POST --data x)" 405 "POST /metrics"
expect_contains "$(curl -s -D - -o /dev/null -X DELETE "$serve_url/metrics")" "Allow: GET" "a 405 names the allowed methods"

# A request that is not HTTP gets a 400, and the server keeps serving.
exec 3<>"/dev/tcp/127.0.0.1/${serve_url##*:}"
printf 'THIS IS NOT HTTP\r\n\r\n' >&3
read -r -t 10 status_line <&3 || status_line="(no answer)"
exec 3>&-
expect_contains "$status_line" " 400 " "a malformed request is answered 400"
exec 3<>"/dev/tcp/127.0.0.1/${serve_url##*:}"
printf 'GET /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: banana\r\n\r\n' >&3
read -r -t 10 status_line <&3 || status_line="(no answer)"
exec 3>&-
expect_contains "$status_line" " 400 " "a malformed Content-Length is answered 400"
expect_equals "$(http_status "$serve_url/healthz")" 200 "serve still answers after malformed requests"
kill -0 "$serve_pid" 2>/dev/null || fail "serve exited after a malformed request"

# SIGTERM: exit 0, promptly.
kill -TERM "$serve_pid"
wait_until 10 bash -c "! kill -0 $serve_pid" || fail "serve did not exit within 10 s of SIGTERM"
set +e
wait "$serve_pid"
serve_status=$?
set -e
expect_equals "$serve_status" 0 "serve's exit status after SIGTERM"

# Bearer token and basic auth guard /metrics.
printf 's3cret-token\n' >"$work/token"
start_serve "$database" --bearer-token-file "$work/token"
expect_equals "$(http_status "$serve_url/metrics")" 401 "bearer: no credentials"
expect_equals "$(http_status "$serve_url/metrics" -H 'Authorization: Bearer wrong')" 401 "bearer: wrong token"
expect_equals "$(http_status "$serve_url/metrics" -H 'Authorization: Bearer s3cret-token')" 200 "bearer: right token"
expect_equals "$(http_status "$serve_url/healthz")" 200 "bearer: /healthz needs no credentials"
stop_process "$serve_pid"

printf 'alice:wonderland\nbob:builder\n' >"$work/users"
start_serve "$database" --basic-auth-file "$work/users"
expect_equals "$(http_status "$serve_url/metrics")" 401 "basic: no credentials"
expect_contains "$(curl -s -D - -o /dev/null "$serve_url/metrics")" "WWW-Authenticate: Basic" "basic: the challenge"
expect_equals "$(http_status "$serve_url/metrics" -u alice:builder)" 401 "basic: wrong password"
expect_equals "$(http_status "$serve_url/metrics" -u carol:wonderland)" 401 "basic: unknown user"
expect_equals "$(http_status "$serve_url/metrics" -u alice:wonderland)" 200 "basic: alice"
expect_equals "$(http_status "$serve_url/metrics" -u bob:builder)" 200 "basic: bob"
stop_process "$serve_pid"

# The master switch.
PROMETHEUS_METRICS_ENABLED=false start_serve "$database"
expect_equals "$(http_status "$serve_url/metrics")" 404 "metrics disabled: /metrics"
expect_equals "$(curl -s "$serve_url/metrics")" "metrics disabled" "metrics disabled: the body says so"
expect_equals "$(http_status "$serve_url/healthz")" 200 "metrics disabled: /healthz"

# A busy port: exit 1 with one line naming the address.
busy=${serve_url#http://}
run --database "$database" serve --listen "$busy"
expect_status 1 "--listen on a busy port"
expect_lines "$err" 1 "a busy port is one line on stderr"
expect_contains "$err" "$busy" "the error names the address"
stop_process "$serve_pid"

for bad in "localhost" "127.0.0.1:99999" "127.0.0.1:http" ":" "[::1"; do
  run --database "$database" serve --listen "$bad"
  expect_status 2 "--listen '$bad'"
  expect_contains "$err" "--listen" "the error for '$bad' names --listen"
done
PEBBLE_LISTEN=nonsense run --database "$database" serve
expect_status 2 "PEBBLE_LISTEN=nonsense"
finish
