#!/usr/bin/env bash
# test-metrics runs the real importer and exporter and records their metrics under
# command="test-metrics", never under import/export (SPEC §9).
source "$(dirname "$0")/lib.sh"
db="$work/store.db"
sql() { sqlite3 -batch -noheader "$db" "$1"; }

run --database "sqlite:$db" test-metrics
expect_status 0 "test-metrics"
expect_contains "$out" "through the real importer" "the import step reports"
expect_contains "$out" "through the real exporter" "the export step reports"
run --database "sqlite:$db" test-metrics
expect_status 0 "a second run reuses the sample"
expect_equals "$(sql "SELECT status, created_count, updated_count FROM import_jobs ORDER BY id")" \
  "completed|2|0
completed|0|2" "the sample import created, then updated its two bookmarks"
expect_equals "$(sql "SELECT value FROM metric_counters WHERE command = 'test-metrics' AND family = 'import_jobs_total' AND labels LIKE 'status=\"completed\"%'")" 2.0 "import_jobs_total under test-metrics"
expect_equals "$(sql "SELECT value FROM metric_counters WHERE command = 'test-metrics' AND family = 'bookmark_operations_total' AND labels = 'operation=\"create\",source=\"import\"'")" 2.0 "import's bookmark operations keep source=import"
expect_equals "$(sql "SELECT count(*) FROM metric_counters WHERE command = 'test-metrics' AND family = 'export_operations_total'")" 2 "export_operations_total under test-metrics"
expect_equals "$(sql "SELECT count(*) FROM metric_histograms WHERE command = 'test-metrics' AND family IN ('import_job_duration_seconds', 'export_duration_seconds')")" 3 "duration histograms under test-metrics"
expect_equals "$(sql "SELECT count(*) FROM metric_counters WHERE command IN ('import', 'export')")" 0 "nothing recorded under import or export"

finish
