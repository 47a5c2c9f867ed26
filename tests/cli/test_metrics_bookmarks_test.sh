#!/usr/bin/env bash
# test-metrics runs the real importer, exporter, bookmark search and delete and unfurler and records
# their metrics under command="test-metrics", never under import/export/bookmarks/unfurl (SPEC §9).
source "$(dirname "$0")/lib.sh"
db="$work/store.db"
sql() { sqlite3 -batch -noheader "$db" "$1"; }

run --database "sqlite:$db" test-metrics
expect_status 0 "test-metrics"
expect_contains "$out" "through the real importer" "the import step reports"
expect_contains "$out" "through the real exporter" "the export step reports"
expect_contains "$out" "[5] manage: listed 5 bookmark(s) through the full-text search, deleted 1 through the real delete path" "the manage step reports"
[[ "$out" =~ \[6\]\ unfurl:\ read\ http://127\.0\.0\.1:[0-9]+/pebble-test-metrics/page\.html\ through\ the\ real\ unfurler:\ title\ \"pebble\ test-metrics\ page\",\ 1\ feed\(s\)\ announced\;\ its\ bookmark\ filled,\ then\ deleted ]] ||
  fail "the unfurl step reports: $out"
expect_contains "$out" "[7] job run recorded" "the job run is the last step"
run --database "sqlite:$db" test-metrics
expect_status 0 "a second run reuses the sample"
expect_equals "$(sql "SELECT status, created_count, updated_count FROM import_jobs ORDER BY id")" \
  "completed|2|0
completed|0|2" "the sample import created, then updated its two bookmarks"
expect_equals "$(sql "SELECT value FROM metric_counters WHERE command = 'test-metrics' AND family = 'import_jobs_total' AND labels LIKE 'status=\"completed\"%'")" 2.0 "import_jobs_total under test-metrics"
expect_equals "$(sql "SELECT value FROM metric_counters WHERE command = 'test-metrics' AND family = 'bookmark_operations_total' AND labels = 'operation=\"create\",source=\"import\"'")" 2.0 "import's bookmark operations keep source=import"
expect_equals "$(sql "SELECT count(*) FROM metric_counters WHERE command = 'test-metrics' AND family = 'export_operations_total'")" 2 "export_operations_total under test-metrics"
expect_equals "$(sql "SELECT count(*) FROM metric_histograms WHERE command = 'test-metrics' AND family IN ('import_job_duration_seconds', 'export_duration_seconds')")" 3 "duration histograms under test-metrics"
expect_equals "$(sql "SELECT value FROM metric_counters WHERE command = 'test-metrics' AND family = 'bookmark_operations_total' AND labels = 'operation=\"delete\",source=\"test\"'")" 4.0 "two deletes per run (manage, unfurl)"
expect_equals "$(sql "SELECT value FROM metric_counters WHERE command = 'test-metrics' AND family = 'pebble_model_deletes_total' AND labels = 'model=\"bookmark\"'")" 4.0 "bookmark model deletes"
expect_equals "$(sql "SELECT count(*) FROM bookmarks WHERE url LIKE 'https://example.com/test-delete%'")" 0 "the deleted bookmarks are gone"
expect_equals "$(sql "SELECT value FROM metric_counters WHERE command = 'test-metrics' AND family = 'unfurl_operations_total' AND labels = 'status=\"success\"'")" 2.0 "one unfurl per run"
expect_equals "$(sql "SELECT count FROM metric_histograms WHERE command = 'test-metrics' AND family = 'unfurl_duration_seconds'")" 2 "its duration"
expect_equals "$(sql "SELECT value FROM metric_counters WHERE command = 'test-metrics' AND family = 'bookmark_operations_total' AND labels = 'operation=\"update\",source=\"test\"'")" 5.0 "the second run's 3 updates and each run's fill"
expect_equals "$(sql "SELECT count(*) FROM bookmarks WHERE url LIKE '%pebble-test-metrics/page.html'") $(sql "SELECT count(*) FROM bookmark_unfurls")" "0 0" "the page's bookmarks and their unfurls are gone"
expect_equals "$(sql "SELECT count(*) || ' ' || min(disabled) FROM feeds")" "2 1" "the page's feed is the sample's, disabled: no feed added"
expect_equals "$(sql "SELECT count(*) FROM metric_counters WHERE command IN ('import', 'export', 'bookmarks', 'unfurl')")" 0 "nothing recorded under import, export, bookmarks or unfurl"

finish
