#!/usr/bin/env bash
# Batch commands push their cumulative metrics to a real Pushgateway; a Pushgateway that is down,
# silent or failing costs at most two timeouts, one warning and never the data (SPEC §8 Push).
source "$(dirname "$0")/lib.sh"
require_command python3
start_pushgateway
database="sqlite:$work/push.db"
group="job=pebble,command=test-metrics"

# pushed METRIC [LABEL=VALUE...]: the sum of the pushed samples of the test-metrics group.
pushed() { curl -sf "$pushgateway_url/api/v1/metrics" | python3 "$PEBBLE_SOURCE_DIR/tests/cli/pushgateway_sum.py" "$group" "$@"; }
# stored NAME [LABEL_FRAGMENT]: the sum of one family's samples as metrics-show computes it from the store.
stored() {
  "$PEBBLE_BIN" --database "$database" metrics-show --format text "$1" >"$work/stored" 2>"$work/stored.err" ||
    fail "metrics-show $1: $(cat "$work/stored.err")"
  sum_samples "$(cat "$work/stored")" "$@"
}

run --database "$database" --pushgateway "$pushgateway_url" test-metrics
expect_status 0 "test-metrics with a working Pushgateway"
expect_equals "$err" "" "a successful push warns about nothing"
# Per run: the three self-test bookmarks, one bookmark written and deleted by the manage step, and
# one written, filled by its unfurl and deleted by the unfurl step.
expect_equals "$(pushed bookmark_operations_total source=test)" 8 "first push: 8 bookmark operations"
expect_equals "$(pushed bookmark_operations_total source=test operation=create)" 5 "first push: 5 creates"
expect_equals "$(pushed bookmark_operations_total source=test operation=delete)" 2 "first push: 2 deletes"
expect_equals "$(pushed unfurl_operations_total status=success)" 1 "first push: 1 unfurl"
expect_equals "$(pushed pebble_job_last_run_success)" 1 "first push: the job gauge says success"
expect_equals "$(pushed pebble_model_inserts_total model=bookmark)" "$(stored pebble_model_inserts_total 'model="bookmark"')" \
  "the pushed bookmark inserts equal the store's"

run --database "$database" --pushgateway "$pushgateway_url/" test-metrics
expect_status 0 "second test-metrics (base URL with a trailing slash)"
expect_equals "$(pushed bookmark_operations_total source=test)" 16 "second push: the counters accumulate, no reset"
expect_equals "$(pushed bookmark_operations_total source=test operation=update)" 5 "second push: 3 updates, 2 fills"
expect_equals "$(pushed bookmark_operations_total source=test operation=create)" 7 "second push: the deleted bookmarks are created again"

# A Pushgateway that accepts connections but never answers, and one that answers 500.
python3 -c '
import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(16)
print(s.getsockname()[1], flush=True)
time.sleep(600)' >"$work/silent.port" &
on_exit "stop_process $!"
python3 -c '
import http.server, sys
class Failing(http.server.BaseHTTPRequestHandler):
    def do_PUT(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(500); self.send_header("Content-Length", "13"); self.end_headers()
        self.wfile.write(b"storage full\n")
    def log_message(self, *args): pass
server = http.server.HTTPServer(("127.0.0.1", 0), Failing)
print(server.server_address[1], flush=True)
server.serve_forever()' >"$work/failing.port" &
on_exit "stop_process $!"
wait_until 60 test -s "$work/silent.port" || fail "the silent listener did not start"
wait_until 60 test -s "$work/failing.port" || fail "the failing server did not start"
closed_url="http://127.0.0.1:$(free_port)"
silent_url="http://127.0.0.1:$(cat "$work/silent.port")"
failing_url="http://127.0.0.1:$(cat "$work/failing.port")"

export PEBBLE_PUSH_TIMEOUT=1
# The same command without a push, for how long this machine takes to start and run it.
started=$(date +%s%N)
run --database "$database" test-metrics
baseline_ms=$((($(date +%s%N) - started) / 1000000))
expect_status 0 "test-metrics without a Pushgateway"
push_failures=$(stored pebble_pushgateway_push_failures_total)
operations=$(stored bookmark_operations_total 'source="test"')

for kind in closed silent failing; do
  url_variable="${kind}_url"
  started=$(date +%s%N)
  run --database "$database" --pushgateway "${!url_variable}" test-metrics
  elapsed_ms=$((($(date +%s%N) - started) / 1000000))
  expect_status 0 "$kind Pushgateway: the push failure does not change the exit status"
  expect_lines "$err" 1 "$kind Pushgateway: exactly one line on stderr"
  expect_contains "$err" "warn" "$kind Pushgateway: the line is a warning"
  expect_contains "$err" "2 attempt" "$kind Pushgateway: one retry"
  # Two attempts of PEBBLE_PUSH_TIMEOUT (1 s) over what the run costs here without a push, plus slack
  # for a loaded CI machine: the default 5 s timeout (two attempts: 10 s) or none would still fail.
  [ "$elapsed_ms" -le $((baseline_ms + 7000)) ] ||
    fail "$kind Pushgateway: took ${elapsed_ms} ms (no-push run: ${baseline_ms} ms, allowed 7000 ms more)"
  push_failures=$((push_failures + 1))
  operations=$((operations + 8))
  expect_equals "$(stored pebble_pushgateway_push_failures_total)" "$push_failures" "$kind Pushgateway: failure counted in the store"
  expect_equals "$(stored bookmark_operations_total 'source="test"')" "$operations" "$kind Pushgateway: the run's data is saved"
done
expect_contains "$err" "HTTP 500" "the failing Pushgateway's status is in the warning"

for kind in closed silent failing; do
  url_variable="${kind}_url"
  run --database "$database" --pushgateway "${!url_variable}" --push-required test-metrics
  expect_status 1 "$kind Pushgateway with --push-required"
  expect_contains "$err" "push" "$kind Pushgateway with --push-required: stderr names the push"
done
expect_equals "$(stored pebble_pushgateway_push_failures_total)" $((push_failures + 3)) "--push-required failures are counted too"
expect_equals "$(stored pebble_bookmarks)" 5 "the store still holds the 3 self-test and 2 imported bookmarks"

run --database "$database" --pushgateway "$pushgateway_url" --push-required test-metrics
expect_status 0 "--push-required with a working Pushgateway"
expect_equals "$(pushed pebble_pushgateway_push_failures_total)" $((push_failures + 3)) \
  "the next successful push carries the failures counted in the store"
expect_equals "$(pushed bookmark_operations_total source=test)" "$(stored bookmark_operations_total 'source="test"')" \
  "the pushed bookmark operations equal the store's after the outages"

# The writes of the store commands push like the batch commands, under their own command; their
# reads push nothing (no group appears).
groups() { curl -sf "$pushgateway_url/api/v1/metrics" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["data"]))'; }
before=$(groups)
run --database "$database" --user pushy --pushgateway "$pushgateway_url" bookmarks list
expect_status 1 "a read for an unknown user"
run --database "$database" --user metrics_test_user --pushgateway "$pushgateway_url" --push-required bookmarks list
expect_status 0 "a read with a Pushgateway configured"
expect_equals "$(groups)" "$before" "a read pushes nothing"
run --database "$database" --user pushy --pushgateway "$pushgateway_url" --push-required bookmarks add https://push.example/ --no-unfurl
expect_status 0 "bookmarks add with a Pushgateway"
group="job=pebble,command=bookmarks"
expect_equals "$(pushed bookmark_operations_total source=cli operation=create)" 1 "bookmarks add pushes its create"
expect_equals "$(pushed pebble_model_inserts_total model=user)" 1 "and the user it made"
expect_equals "$(pushed pebble_job_last_run_success)" 1 "and its job gauge"
expect_equals "$(groups)" $((before + 1)) "one group more: command=bookmarks"
finish
