# Shared helpers for the black-box CLI tests (sourced). Each test runs the built binary in a fresh
# temporary HOME so no user data is touched.
set -euo pipefail
PEBBLE_BIN=${PEBBLE_BIN:?PEBBLE_BIN must point at the built pebble binary}
PEBBLE_SOURCE_DIR=${PEBBLE_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
work=$(mktemp -d /tmp/pebble-cli.XXXXXX)
exit_hooks=()
# on_exit CMD: runs CMD (a string, via eval) when the script exits, latest first; then $work goes.
on_exit() { exit_hooks=("$1" "${exit_hooks[@]}"); }
run_exit_hooks() {
  local hook
  for hook in "${exit_hooks[@]}"; do eval "$hook" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap run_exit_hooks EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/data"
mkdir -p "$HOME"
unset PEBBLE_DATABASE_URL DATABASE_URL PEBBLE_PUSHGATEWAY_URL PEBBLE_LOG_LEVEL PEBBLE_LOG_FORMAT || true
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# run CMD...: runs pebble, capturing stdout, stderr and the exit status in $out, $err, $status.
run() {
  set +e
  "$PEBBLE_BIN" "$@" >"$work/stdout" 2>"$work/stderr"
  status=$?
  set -e
  out=$(cat "$work/stdout")
  err=$(cat "$work/stderr")
}

expect_status() { [ "$status" -eq "$1" ] || fail "$2: exit $status, expected $1 (stderr: $err)"; }
expect_contains() { [[ "$1" == *"$2"* ]] || fail "$3: expected to contain '$2', got: $1"; }
expect_equals() { [ "$1" == "$2" ] || fail "$3: expected '$2', got '$1'"; }
expect_lines() { [ "$(printf '%s' "$1" | grep -c '')" -eq "$2" ] || fail "$3: expected $2 line(s), got: $1"; }

# skip_or_fail REASON: a missing service skips the test (exit 77) locally and fails it in CI.
skip_or_fail() {
  if [ "${CI:-}" = "true" ]; then
    echo "FAIL: $1 (services are required in CI)" >&2
    exit 1
  fi
  echo "SKIPPED: $1" >&2
  exit 77
}

# require_service VAR: the environment variable naming a test service must be set.
require_service() { [ -n "${!1:-}" ] || skip_or_fail "$1 is not set (run through make test)"; }

# require_command CMD: a program the test drives must be installed.
require_command() { command -v "$1" >/dev/null 2>&1 || skip_or_fail "$1 is not installed"; }

# free_port: prints a TCP port on 127.0.0.1 that was free a moment ago.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# wait_until SECONDS CMD...: polls CMD every 0.1 s until it succeeds; fails after SECONDS.
wait_until() {
  local deadline=$((SECONDS + $1))
  shift
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}

# wait_for_http URL [SECONDS]: waits until URL answers with a 2xx status.
wait_for_http() { wait_until "${2:-30}" curl -sf -o /dev/null --max-time 2 "$1"; }

# http_status URL [CURL ARGS...]: prints the HTTP status of one request (000: no answer).
http_status() {
  local url=$1
  shift
  curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@" "$url" || true
}

# start_background LOG CMD...: starts CMD with stdout+stderr in LOG, stopped at exit; sets $last_pid.
start_background() {
  local log=$1
  shift
  "$@" >"$log" 2>&1 &
  last_pid=$!
  on_exit "stop_process $last_pid"
}

# stop_process PID [SIGNAL]: signals PID (default TERM) and waits for it; prints nothing.
stop_process() {
  kill "-${2:-TERM}" "$1" 2>/dev/null || return 0
  wait "$1" 2>/dev/null || true
}

# start_feed_server: starts tests/support/feed_server.py on a free loopback port, stopped at exit;
# sets $base (http://127.0.0.1:PORT). Ends the test when it does not come up.
start_feed_server() {
  /usr/bin/python3 "$PEBBLE_SOURCE_DIR/tests/support/feed_server.py" >"$work/feed_server.port" &
  on_exit "stop_process $!"
  wait_until 10 test -s "$work/feed_server.port" || { fail "feed server did not start"; finish; }
  base="http://127.0.0.1:$(cat "$work/feed_server.port")"
}

# start_serve DATABASE [SERVE ARGS...]: starts `pebble serve` on a free port; sets $serve_pid,
# $serve_url (http://127.0.0.1:PORT, https:// with --tls-cert-file) and $serve_log. Fails the test
# when it does not come up.
start_serve() {
  local database=$1
  shift
  serve_log="$work/serve.$RANDOM.log"
  start_background "$serve_log" "$PEBBLE_BIN" --database "$database" serve --listen 127.0.0.1:0 "$@"
  serve_pid=$last_pid
  wait_until 60 grep -qE 'on https?://' "$serve_log" || { cat "$serve_log" >&2; fail "serve did not start"; finish; }
  serve_url=$(grep -oE 'https?://[0-9.]*:[0-9]*' "$serve_log" | head -n 1)
  # -k: a test's https server has a certificate made for the test; serve_tls_test checks it properly.
  wait_until 30 curl -skf -o /dev/null --max-time 2 "$serve_url/healthz" ||
    { fail "serve at $serve_url does not answer /healthz"; finish; }
}

# start_pushgateway: starts a private Pushgateway (no persistence) on a free port, stopped at exit;
# sets $pushgateway_url. Tests that push get their own, so parallel tests never share a group.
start_pushgateway() {
  require_command prometheus-pushgateway
  local port
  port=$(free_port)
  start_background "$work/pushgateway.$port.log" prometheus-pushgateway \
    --web.listen-address="127.0.0.1:$port" --persistence.file=""
  pushgateway_url="http://127.0.0.1:$port"
  wait_for_http "$pushgateway_url/-/ready" 30 || { fail "the Pushgateway did not start"; finish; }
}

# create_postgres_database: makes an empty database of its own for this test, dropped at exit, and
# sets $postgres_url to it (not a $(...) call: the exit hook must be registered here). Needs PEBBLE_TEST_POSTGRES_URL and PEBBLE_TEST_POSTGRES_ADMIN_URL.
create_postgres_database() {
  require_service PEBBLE_TEST_POSTGRES_URL
  require_service PEBBLE_TEST_POSTGRES_ADMIN_URL
  local name="pebble_cli_$$_$RANDOM"
  psql -X -q "$PEBBLE_TEST_POSTGRES_ADMIN_URL" -v ON_ERROR_STOP=1 -c "CREATE DATABASE $name OWNER pebble" >/dev/null
  on_exit "psql -X -q '$PEBBLE_TEST_POSTGRES_ADMIN_URL' -c 'DROP DATABASE IF EXISTS $name WITH (FORCE)'"
  postgres_url="${PEBBLE_TEST_POSTGRES_URL%/*}/$name"
}

# start_prometheus JOB_YAML: a real Prometheus on loopback that scrapes every second with the one
# scrape_configs entry JOB_YAML (indented as a list item); sets prometheus_url.
start_prometheus() {
  local port
  port=$(free_port)
  printf 'global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n%s\n' "$1" >"$work/prometheus.yml"
  start_background "$work/prometheus.log" prometheus --config.file="$work/prometheus.yml" \
    --storage.tsdb.path="$work/tsdb" --web.listen-address="127.0.0.1:$port"
  prometheus_url="http://127.0.0.1:$port"
}

# query EXPRESSION: the value of the first result of an instant query to $prometheus_url, or nothing.
query() {
  curl -sf --max-time 5 -G "$prometheus_url/api/v1/query" --data-urlencode "query=$1" |
    python3 -c 'import json, sys; result = json.load(sys.stdin)["data"]["result"]; print(result[0]["value"][1] if result else "")'
}
# scraped EXPRESSION WANTED: true once the query answers WANTED.
scraped() { [ "$(query "$1")" = "$2" ]; }

# write_catalogue FILE: pebble's metric catalogue as `metrics-show --format json` lists it (read by
# tests/cli/promql_names.py, which checks the names dashboards and alert rules use).
write_catalogue() {
  run --database "sqlite:$work/catalogue.db" import --format netscape /dev/null  # metrics-show never creates a store
  run --database "sqlite:$work/catalogue.db" metrics-show --format json
  expect_status 0 "metrics-show --format json"
  printf '%s' "$out" >"$1"
}

# sample_value TEXT SERIES: the value of one series (name with its labels as exposed, e.g.
# 'pebble_bookmarks' or 'up{job="x"}') in exposition TEXT; empty when absent.
sample_value() { printf '%s\n' "$1" | awk -v series="$2" '$1 == series { print $2; exit }'; }

# sum_samples TEXT NAME [LABEL_FRAGMENT]: the sum of NAME's samples whose labels contain the fragment.
sum_samples() {
  printf '%s\n' "$1" | awk -v name="$2" -v fragment="${3:-}" '
    { split($1, parts, "{"); if (parts[1] == name && index($1, fragment) > 0) { sum += $2 } }
    END { printf "%g\n", sum }'
}

finish() {
  if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
  fi
  echo "all checks passed"
}
