# A PostgreSQL cluster of the test's own, for the fault tests that stop and restart the server
# (sourced after lib.sh). The shared cluster of `make test` is never stopped: other tests use it.
services_script="$PEBBLE_SOURCE_DIR/scripts/test-services.sh"

# start_private_postgres: starts a fresh cluster on a free loopback port, stopped and removed at
# exit; sets $postgres_url (the pebble role's own database) and $postgres_admin_url.
start_private_postgres() {
  require_command psql
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || skip_or_fail "the PostgreSQL server binaries are not installed"
  private_postgres_dir=$(mktemp -d /tmp/pebble-pg.XXXXXX)
  on_exit "'$services_script' stop-postgres '$private_postgres_dir' immediate; rm -rf '$private_postgres_dir'"
  "$services_script" start-postgres "$private_postgres_dir" 2>"$work/private-postgres.log" ||
    { cat "$work/private-postgres.log" >&2; fail "cannot start a private PostgreSQL cluster"; finish; }
  postgres_url=$(sed -n 's/^export PEBBLE_TEST_POSTGRES_URL=//p' "$private_postgres_dir/env")
  postgres_admin_url=$(sed -n 's/^export PEBBLE_TEST_POSTGRES_ADMIN_URL=//p' "$private_postgres_dir/env")
}

# stop_private_postgres [fast|immediate]: stops the private server (default immediate: a crash).
stop_private_postgres() { "$services_script" stop-postgres "$private_postgres_dir" "${1:-immediate}"; }

# restart_private_postgres: starts the stopped private server again on the same port.
restart_private_postgres() { "$services_script" restart-postgres "$private_postgres_dir"; }

# private_sql SQL: one query's rows (unaligned, no header) on the pebble database.
private_sql() { psql -X -q -t -A -v ON_ERROR_STOP=1 "$postgres_url" -c "$1"; }

# interrupted_run LABEL SUBCOMMAND STOP_MODE OUTAGE READY PEBBLE_ARGS...: runs pebble in the
# background, stops the private server with STOP_MODE once READY (a command line, eval'd) succeeds,
# and starts it again after pebble has ended (OUTAGE=until-exit) or at once (OUTAGE=none). Then the
# checks: no crash; exit 0 only when the server came back at once (pebble reconnected); otherwise
# exit 1 with one error line naming SUBCOMMAND and the server.
interrupted_run() {
  local label=$1 subcommand=$2 mode=$3 outage=$4 ready=$5 run_pid run_status errors
  shift 5
  "$PEBBLE_BIN" "$@" >"$work/$label.out" 2>"$work/$label.err" &
  run_pid=$!
  wait_until 120 eval "$ready" || fail "$label: not under way within 2 minutes"
  stop_private_postgres "$mode"
  if [ "$outage" = until-exit ]; then
    wait_until 90 eval "! kill -0 $run_pid" || fail "$label: pebble did not give up within 90 s"
  fi
  restart_private_postgres
  set +e
  wait "$run_pid"
  run_status=$?
  set -e
  # Log lines start with a timestamp; the error is the line that does not.
  errors=$(grep -Ev '^[0-9]{4}-[0-9]{2}-[0-9]{2}T' "$work/$label.err" || true)
  echo "$label: exit $run_status; stderr: $(cat "$work/$label.err")" >&2
  [[ "$(cat "$work/$label.err")" != *AddressSanitizer* ]] || fail "$label: crashed"
  if [ "$run_status" -eq 0 ] && [ "$outage" = none ]; then
    echo "$label: pebble rode out the restart" >&2
    return
  fi
  expect_equals "$run_status" 1 "$label: exit status"
  expect_lines "$errors" 1 "$label: one error line"
  expect_contains "$errors" "pebble $subcommand: " "$label: the error names the command"
  expect_contains "$errors" "PostgreSQL at 127.0.0.1:" "$label: the error names the server"
}
