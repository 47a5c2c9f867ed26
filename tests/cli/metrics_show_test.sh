#!/usr/bin/env bash
# `pebble metrics-show` (SPEC §10): from the store it prints what serve's /metrics shows; --url
# scrapes serve or a Pushgateway; --format json is JSON; NAME and --filter select families.
source "$(dirname "$0")/lib.sh"
require_command python3
database="sqlite:$work/show.db"
run --database "$database" test-metrics
expect_status 0 "test-metrics fills the store"
run --database "$database" test-metrics
expect_status 0 "a second test-metrics run"

# store_derived: exposition text without what only a running server has (process_*, pebble_http_*)
# and the store query's own timing, which differs per pass.
store_derived() { grep -Ev '^(# (HELP|TYPE) )?(process_|pebble_http_|pebble_store_query_duration_seconds)' || true; }
# family_names: the families of an exposition text, one per line, sorted.
family_names() { awk '$1 == "#" && $2 == "TYPE" { print $3 }' | sort; }

run --database "$database" metrics-show --format text
expect_status 0 "metrics-show without a server"
printf '%s\n' "$out" >"$work/show.txt"
expect_contains "$out" "pebble_bookmarks 5" "metrics-show counts the store's bookmarks"
# Per run: the 3 self-test bookmarks, one created and deleted by the manage step, and one created,
# filled and deleted by the unfurl step.
expect_equals "$(sum_samples "$out" bookmark_operations_total 'source="test"')" 16 "metrics-show sums both runs"

start_serve "$database" --cache-ttl 0
curl -sf "$serve_url/metrics" >"$work/serve.txt" || fail "GET /metrics failed"
diff <(store_derived <"$work/show.txt") <(store_derived <"$work/serve.txt") >"$work/diff" ||
  fail "metrics-show and serve's /metrics differ: $(head -n 20 "$work/diff")"

run --database "$database" metrics-show --format text --url "$serve_url"
expect_status 0 "metrics-show --url against serve"
expect_equals "$(family_names <<<"$out")" "$(family_names <"$work/serve.txt")" "--url serve: the same families"
expect_equals "$(sample_value "$out" pebble_bookmarks)" 5 "--url serve: pebble_bookmarks"
expect_equals "$(sum_samples "$out" bookmark_operations_total 'source="test"')" 16 "--url serve: bookmark operations"
run --database "$database" metrics-show --format text --url "$serve_url/metrics" pebble_users
expect_status 0 "metrics-show --url with the /metrics path"
expect_contains "$out" "pebble_users 1" "--url serve/metrics: pebble_users"
stop_process "$serve_pid"
run --database "$database" metrics-show --url "$serve_url"
expect_status 1 "metrics-show --url against a stopped server"
expect_lines "$err" 1 "a failed scrape is one line"
expect_contains "$err" "${serve_url#http://}" "a failed scrape names the address"

if command -v prometheus-pushgateway >/dev/null || [ "${CI:-}" = "true" ]; then
  start_pushgateway
  run --database "$database" --pushgateway "$pushgateway_url" test-metrics
  expect_status 0 "test-metrics pushes"
  run --database "$database" metrics-show --format text --url "$pushgateway_url" bookmark_operations_total
  expect_status 0 "metrics-show --url against the Pushgateway"
  # Three runs so far, 10 bookmark writes each (3 self-test bookmarks, 2 from the import step, one
  # created and deleted by the manage step, one created, filled and deleted by the unfurl step).
  expect_equals "$(sum_samples "$out" bookmark_operations_total 'command="test-metrics"')" 30 \
    "--url Pushgateway: the pushed bookmark operations"
  expect_contains "$out" 'job="pebble"' "--url Pushgateway: the grouping labels"
else
  echo "Pushgateway part skipped: prometheus-pushgateway is not installed" >&2
fi

run --database "$database" metrics-show --format json
expect_status 0 "metrics-show --format json"
python3 -m json.tool <<<"$out" >/dev/null 2>&1 || fail "--format json is not JSON: $(head -c 300 <<<"$out")"
expect_contains "$out" "pebble_bookmarks" "--format json names the families"

run --database "$database" metrics-show --format text pebble_bookmarks pebble_users
expect_status 0 "metrics-show NAME NAME"
expect_equals "$(family_names <<<"$out" | tr '\n' ' ')" "pebble_bookmarks pebble_users " "NAME selects those families"
run --database "$database" metrics-show --format text --filter '^pebble_job_'
expect_status 0 "metrics-show --filter"
expect_equals "$(family_names <<<"$out" | grep -vc '^pebble_job_' || true)" 0 "--filter keeps only matching families"
expect_equals "$(family_names <<<"$out" | grep -c '')" 4 "--filter ^pebble_job_ keeps the 4 job gauges"
run --database "$database" metrics-show --format table pebble_bookmarks
expect_status 0 "metrics-show --format table"
expect_contains "$out" "pebble_bookmarks" "the table names the family"

run --database "$database" metrics-show --filter '(unclosed'
expect_status 2 "an invalid --filter regex"
expect_contains "$err" "--filter" "the error names --filter"
expect_equals "$out" "" "an invalid --filter prints nothing on stdout"
run --database "$database" metrics-show --format yaml
expect_status 2 "an unknown --format"
finish
