#!/usr/bin/env bash
# `pebble test-metrics` interrupted (SPEC §1.2): SIGTERM or SIGINT while the first step waits for a
# locked SQLite store lets that step commit once the lock goes, starts no further step, records the
# run as partial and exits 130 with one line on stderr.
source "$(dirname "$0")/lib.sh"
require_command sqlite3
db="$work/store.db"
run --database "sqlite:$db" test-metrics
expect_status 0 "a first run creates the store"

for signal in TERM INT; do
  rm -f "$work/locked"
  # The locker holds the write lock for 3 s; the first step waits for it (10 s busy timeout).
  sqlite3 "$db" >"$work/locker.log" 2>&1 <<SQL &
.timeout 10000
BEGIN EXCLUSIVE;
.shell touch '$work/locked'
.shell sleep 3
COMMIT;
SQL
  locker_pid=$!
  wait_until 15 test -e "$work/locked" || fail "the locker did not take the lock: $(cat "$work/locker.log")"
  "$PEBBLE_BIN" --database "sqlite:$db" test-metrics >"$work/out" 2>"$work/err" &
  pid=$!
  sleep 1  # long after start-up (the handlers are installed), long before the lock goes
  kill -"$signal" "$pid"
  status=0
  wait "$pid" || status=$?
  wait "$locker_pid" || fail "SIG$signal: the locker failed: $(cat "$work/locker.log")"
  expect_equals "$status" 130 "SIG$signal: exit status"
  expect_lines "$(cat "$work/err")" 1 "SIG$signal: stderr"
  expect_contains "$(cat "$work/err")" "pebble test-metrics: interrupted after step 1, whose work is committed" \
    "SIG$signal: the error says where the run stopped"
  expect_lines "$(cat "$work/out")" 1 "SIG$signal: steps reported"
  expect_contains "$(cat "$work/out")" "[1] bookmarks: user metrics_test_user found" "SIG$signal: step 1 ran"
  expect_equals "$(sqlite3 "$db" "SELECT status, json_extract(summary, '$.bookmarks.bookmarks_updated'),
      json_extract(summary, '$.import') IS NULL FROM job_runs WHERE command = 'test-metrics'
      ORDER BY id DESC LIMIT 1")" "partial|3|1" "SIG$signal: the run is recorded as partial after step 1"
done
expect_equals "$(sqlite3 "$db" "SELECT count(*) FROM job_runs WHERE command = 'test-metrics'")" 3 \
  "every run is recorded"
finish
