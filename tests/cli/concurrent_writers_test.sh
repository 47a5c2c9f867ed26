#!/usr/bin/env bash
# Two processes recording into one store at the same time: the cumulative counters are the exact
# sums of what each run recorded (SPEC §8: monotonic across runs, processes and hosts).
source "$(dirname "$0")/lib.sh"
runs_per_writer=4

# writer DATABASE LOG: runs test-metrics $runs_per_writer times, logging each exit status.
writer() {
  local run_number
  for run_number in $(seq "$runs_per_writer"); do
    "$PEBBLE_BIN" --database "$1" test-metrics >/dev/null 2>>"$2.err"
    echo "run $run_number: exit $?" >>"$2"
  done
}

# check_concurrent_writers LABEL DATABASE
check_concurrent_writers() {
  local label=$1 database=$2
  writer "$database" "$work/$label.a" &
  local first=$!
  writer "$database" "$work/$label.b" &
  local second=$!
  wait "$first" "$second"
  local statuses
  statuses=$(cat "$work/$label.a" "$work/$label.b")
  expect_equals "$(grep -c 'exit 0$' <<<"$statuses")" $((2 * runs_per_writer)) \
    "$label: every run succeeds ($(tr '\n' ' ' <<<"$statuses"); stderr: $(cat "$work/$label."*.err 2>/dev/null | head -n 5))"

  run --database "$database" metrics-show --format text
  expect_status 0 "$label: metrics-show"
  local total=$((2 * runs_per_writer))
  # Each run writes the 3 self-test bookmarks, creates and deletes one of its own (the manage step),
  # and creates, fills and deletes one (the unfurl step).
  expect_equals "$(sum_samples "$out" bookmark_operations_total 'source="test"')" $((8 * total)) \
    "$label: bookmark operations are the exact sum of all runs"
  # Each run writes 5 bookmarks: 3 self-test ones and the 2 of its import step; the first run creates them.
  expect_equals "$(sum_samples "$out" bookmark_operations_total 'operation="create"')" $((5 + 2 * total)) \
    "$label: 5 creates, and two per run"
  expect_equals "$(sum_samples "$out" bookmark_operations_total 'operation="update"')" $((6 * total - 5)) \
    "$label: every other write is an update"
  expect_equals "$(sum_samples "$out" bookmark_operations_total 'operation="delete"')" $((2 * total)) "$label: two deletes per run"
  expect_equals "$(sum_samples "$out" pebble_model_inserts_total 'model="bookmark"')" $((5 + 2 * total)) \
    "$label: 5 bookmark inserts, and two per run"
  expect_equals "$(sum_samples "$out" pebble_model_inserts_total 'model="user"')" 1 "$label: 1 user insert"
  expect_equals "$(sample_value "$out" pebble_bookmarks)" 5 "$label: 5 bookmarks stored"
}

check_concurrent_writers sqlite "sqlite:$work/shared.db"
create_postgres_database
check_concurrent_writers postgresql "$postgres_url"
finish
