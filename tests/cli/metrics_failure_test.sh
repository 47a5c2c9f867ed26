#!/usr/bin/env bash
# A metrics failure never fails the operation it measures (SPEC §8): with the metric tables gone,
# test-metrics still writes its bookmarks and its job run, exits 0, and warns once.
source "$(dirname "$0")/lib.sh"
metric_tables="metric_histogram_buckets metric_histograms metric_counters"

# check_store_without_metrics LABEL DATABASE SQL_COMMAND...: SQL_COMMAND runs one SQL statement
# (its last argument) against DATABASE and prints the result.
check_store_without_metrics() {
  local label=$1 database=$2
  shift 2
  run --database "$database" test-metrics
  expect_status 0 "$label: test-metrics creates the schema"
  for table in $metric_tables; do "$@" "DROP TABLE $table" >/dev/null; done
  "$@" "DELETE FROM bookmarks" >/dev/null
  runs_before=$("$@" "SELECT count(*) FROM job_runs")

  run --database "$database" test-metrics
  expect_status 0 "$label: test-metrics without metric tables"
  expect_lines "$err" 1 "$label: exactly one line on stderr"
  expect_contains "$err" "warn" "$label: the line is a warning"
  expect_contains "$err" "metric" "$label: the warning is about metrics"
  expect_contains "$out" "3 bookmark(s) created" "$label: the bookmarks step reports its work"
  expect_equals "$("$@" "SELECT count(*) FROM bookmarks")" 5 "$label: the bookmarks are written (3 self-test, 2 imported)"
  expect_equals "$("$@" "SELECT count(*) FROM job_runs")" $((runs_before + 1)) "$label: the job run is recorded"
}

sqlite_file="$work/store.db"
check_store_without_metrics sqlite "sqlite:$sqlite_file" sqlite3 "$sqlite_file"

if [ -n "${PEBBLE_TEST_POSTGRES_URL:-}" ] || [ "${CI:-}" = "true" ]; then
  create_postgres_database
  check_store_without_metrics postgresql "$postgres_url" psql -X -q -A -t -v ON_ERROR_STOP=1 "$postgres_url" -c
else
  echo "PostgreSQL part skipped: PEBBLE_TEST_POSTGRES_URL is not set" >&2
fi
finish
