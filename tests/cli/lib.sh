# Shared helpers for the black-box CLI tests (sourced). Each test runs the built binary in a fresh
# temporary HOME so no user data is touched.
set -euo pipefail
PEBBLE_BIN=${PEBBLE_BIN:?PEBBLE_BIN must point at the built pebble binary}
PEBBLE_SOURCE_DIR=${PEBBLE_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
work=$(mktemp -d /tmp/pebble-cli.XXXXXX)
trap 'rm -rf "$work"' EXIT
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

finish() {
  if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
  fi
  echo "all checks passed"
}
