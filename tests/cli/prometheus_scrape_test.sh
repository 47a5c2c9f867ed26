#!/usr/bin/env bash
# A real Prometheus scrapes `pebble serve`: the target is up and pebble's store-derived families
# arrive with the values the store holds (SPEC §7, §8).
source "$(dirname "$0")/lib.sh"
require_command prometheus
require_command python3
database="sqlite:$work/scrape.db"

run --database "$database" test-metrics
expect_status 0 "test-metrics fills the store"
run --database "$database" metrics-show --format text pebble_bookmarks pebble_users
expect_status 0 "metrics-show of the store"
bookmarks=$(sample_value "$out" pebble_bookmarks)
users=$(sample_value "$out" pebble_users)
if [ -z "$bookmarks" ] || [ "$bookmarks" -le 0 ]; then
  fail "the store should hold bookmarks, metrics-show says '$bookmarks'"
fi

start_serve "$database" --cache-ttl 0.5
target=${serve_url#http://}
start_prometheus "  - job_name: pebble
    static_configs:
      - targets: ['$target']"

if wait_until 60 scraped "up{job=\"pebble\",instance=\"$target\"}" 1; then
  wait_until 10 scraped 'pebble_bookmarks{job="pebble"}' "$bookmarks" ||
    fail "pebble_bookmarks in Prometheus: '$(query 'pebble_bookmarks{job="pebble"}')', the store holds $bookmarks"
  wait_until 10 scraped 'pebble_users{job="pebble"}' "$users" ||
    fail "pebble_users in Prometheus: '$(query 'pebble_users{job="pebble"}')', the store holds $users"
  wait_until 10 scraped 'pebble_store_up{job="pebble"}' 1 || fail "pebble_store_up in Prometheus is not 1"
  wait_until 10 scraped 'sum(bookmark_operations_total{job="pebble",command="test-metrics"})' 10 ||
    fail "bookmark_operations_total of test-metrics in Prometheus is not 10 (3 self-test + 2 imported + 2 created and deleted, 1 filled)"
else
  fail "Prometheus never saw the target up (up = '$(query 'up')'); log: $(tail -n 5 "$work/prometheus.log")"
fi
run_status=$(http_status "$prometheus_url/api/v1/targets")
expect_equals "$run_status" 200 "the Prometheus targets API answers"
finish
