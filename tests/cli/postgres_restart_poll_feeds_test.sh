#!/usr/bin/env bash
# PostgreSQL goes away in the middle of a poll-feeds run (SPEC §6, §1.3), while slow feeds (3 s a
# response, tests/support/feed_server.py) are in flight. A crash (stop -m immediate) that lasts until
# the run gives up: exit 1 and one clear error line naming the server. A fast shutdown with an
# immediate restart: the run may ride it out (it reconnects) or fail the same way. Either way a feed
# stored as polled has all its items and none twice, and the next run polls every feed to
# completion. A private cluster: the shared one other tests use is never stopped.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/private_postgres.sh"
start_private_postgres
/usr/bin/python3 "$PEBBLE_SOURCE_DIR/tests/support/feed_server.py" >"$work/port" &
on_exit "kill $!"
wait_until 10 test -s "$work/port" || { fail "the feed server did not start"; finish; }
base="http://127.0.0.1:$(cat "$work/port")"
export PEBBLE_DENY_PRIVATE_NETWORKS=false
feeds=8
urls=()
for number in $(seq "$feeds"); do urls+=("$base/slow/f$number"); done

# polled_since TIME: whether a feed was stored as polled after TIME (a PostgreSQL timestamp).
polled_since() {
  [ "$(private_sql "SELECT count(*) FROM feeds WHERE last_polled_at > '$1'" 2>/dev/null || echo 0)" -gt 0 ]
}

# consistent LABEL: every feed stored as polled has its 3 items, and no item is stored twice.
consistent() {
  expect_equals "$(private_sql "SELECT count(*) FROM feeds f WHERE last_status = 200 AND
      (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id) <> 3")" 0 "$1: polled feeds hold all their items"
  expect_equals "$(private_sql "SELECT count(*) FROM (SELECT feed_id, guid FROM feed_items GROUP BY 1, 2 HAVING count(*) > 1) d")" \
    0 "$1: no item stored twice"
}

# A crash that lasts until the run gives up, then a fast shutdown with an immediate restart. Two
# feeds at a time, so a run takes ~12 s.
poll_args=(--database "$postgres_url" poll-feeds --all --concurrency 2 --per-host 2 --timeout 10 "${urls[@]}")
interrupted_run crash poll-feeds immediate until-exit "polled_since '$(private_sql "SELECT now()")'" "${poll_args[@]}"
consistent crash
interrupted_run restart poll-feeds fast none "polled_since '$(private_sql "SELECT now()")'" "${poll_args[@]}"
consistent restart

# Feeds the crashed run had claimed stay leased to it (it could not release them with the server
# gone) until the lease ends: --timeout 10 x 2 rounds + 30 s. Then anyone may poll them again.
expect_equals "$(private_sql "SELECT count(*) FROM feeds WHERE lease_until > now() + interval '50 seconds'")" 0 \
  "leases end within the lease time"
leases_ended() { [ "$(private_sql "SELECT count(*) FROM feeds WHERE lease_until > now()")" -eq 0 ]; }
wait_until 60 leases_ended || fail "leases of the crashed run did not end"

final_start=$(private_sql "SELECT now()")
run --database "$postgres_url" poll-feeds --concurrency 8 --per-host 8 --timeout 10 "${urls[@]}"
expect_status 0 "the next run completes (stderr: $err)"
expect_equals "$(private_sql "SELECT count(*) FROM feeds WHERE last_polled_at > '$final_start' AND
    last_status IN (200, 304) AND consecutive_failures = 0")" "$feeds" \
  "every feed polled successfully by the next run ($(private_sql "SELECT url, last_status, consecutive_failures, last_polled_at FROM feeds" | tr '\n' ' '))"
expect_equals "$(private_sql "SELECT count(*) FROM feed_items")" $((feeds * 3)) "every item stored once"
expect_equals "$(private_sql "SELECT count(*) FROM feeds WHERE lease_owner IS NOT NULL")" 0 "no lease left behind"
consistent "after the next run"
finish
