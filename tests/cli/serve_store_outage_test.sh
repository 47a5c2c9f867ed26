#!/usr/bin/env bash
# `pebble serve` under 8 concurrent scrape loops while its PostgreSQL store goes away and comes back:
# every request is answered 200, pebble_store_up goes 1 -> 0 -> 1, /readyz follows, and the process
# lives on (SPEC §7). Only this test's own database is made unavailable.
source "$(dirname "$0")/lib.sh"
require_command psql
create_postgres_database
database=$postgres_url
name=${database##*/}
admin() { psql -X -q -v ON_ERROR_STOP=1 "$PEBBLE_TEST_POSTGRES_ADMIN_URL" -c "$1" >/dev/null; }
# store_down / store_up: refuse and end every connection to this test's database, then allow them.
store_down() {
  admin "ALTER DATABASE $name ALLOW_CONNECTIONS false"
  admin "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$name'"
}
store_up() { admin "ALTER DATABASE $name ALLOW_CONNECTIONS true"; }
on_exit "store_up"

run --database "$database" test-metrics
expect_status 0 "test-metrics fills the PostgreSQL store"
# A second serve, stopped during the outage: its lost session must not hold up SIGTERM.
start_serve "$database" --cache-ttl 0 --query-timeout 1
quitter_pid=$serve_pid
quitter_url=$serve_url
start_serve "$database" --cache-ttl 0.2 --query-timeout 1 --threads 4

# store_up_value: pebble_store_up as one scrape shows it.
store_up_value() { sample_value "$(curl -s --max-time 10 "$serve_url/metrics")" pebble_store_up; }
store_up_is() { [ "$(store_up_value)" = "$1" ]; }

# Eight scrape loops, each logging the HTTP status of every request (000: no answer).
mkdir -p "$work/loops"
touch "$work/loops/run"
loop_pids=()
for loop in 1 2 3 4 5 6 7 8; do
  (
    while [ -e "$work/loops/run" ]; do
      curl -s -o /dev/null -w '%{http_code}\n' --max-time 10 "$serve_url/metrics" >>"$work/loops/$loop.log" || true
    done
  ) &
  loop_pids+=($!)
  on_exit "kill $! 2>/dev/null"
done

wait_until 30 store_up_is 1 || fail "pebble_store_up is not 1 with the store up (it is '$(store_up_value)')"
expect_equals "$(sample_value "$(curl -s --max-time 10 "$quitter_url/metrics")" pebble_store_up)" 1 \
  "the second serve has a session before the outage"
sleep 1
store_down
wait_until 30 store_up_is 0 || fail "pebble_store_up did not turn 0 with the store down (it is '$(store_up_value)')"
expect_equals "$(http_status "$serve_url/readyz")" 503 "/readyz while the store is down"
expect_equals "$(http_status "$serve_url/healthz")" 200 "/healthz while the store is down"

# SPEC §7: SIGTERM ends serve once in-flight requests are done; a pass that finds its session
# lost tries to reconnect once (the next pass tries again), so it does not hold up the exit.
expect_equals "$(sample_value "$(curl -s --max-time 10 "$quitter_url/metrics")" pebble_store_up)" 0 \
  "the second serve reports the store down"
stopping_at=$SECONDS
kill -TERM "$quitter_pid"
quitter_status=0
wait "$quitter_pid" || quitter_status=$?
expect_equals "$quitter_status" 0 "the second serve's exit status on SIGTERM during the outage"
[ $((SECONDS - stopping_at)) -le 3 ] || fail "SIGTERM during the outage took $((SECONDS - stopping_at)) s to end serve"
# Keep the store down until the scrape loops have made 16 more requests into the outage.
requests_so_far() { cat "$work/loops/"*.log | grep -c ''; }
before_more=$(requests_so_far)
more_scrapes_done() { [ "$(requests_so_far)" -ge $((before_more + 16)) ]; }
wait_until 30 more_scrapes_done || fail "the scrape loops stalled during the outage"
store_up
wait_until 30 store_up_is 1 || fail "pebble_store_up did not return to 1 after the store came back (it is '$(store_up_value)')"
expect_equals "$(http_status "$serve_url/readyz")" 200 "/readyz after the store came back"
sleep 1

rm -f "$work/loops/run"
wait "${loop_pids[@]}"
requests=$(cat "$work/loops/"*.log | grep -c '')
not_ok=$(cat "$work/loops/"*.log | grep -vc '^200$' || true)
[ "$requests" -ge 8 ] || fail "the scrape loops made only $requests request(s)"
expect_equals "$not_ok" 0 "requests not answered 200 out of $requests (statuses: $(sort "$work/loops/"*.log | uniq -c | tr '\n' ' '))"
echo "scrape loops: $requests requests during the outage test"
kill -0 "$serve_pid" 2>/dev/null || fail "serve exited during the outage"
expect_equals "$(http_status "$serve_url/healthz")" 200 "serve answers after the outage"
expect_contains "$(curl -s "$serve_url/metrics")" "pebble_bookmarks 5" "the store's values are back"
finish
