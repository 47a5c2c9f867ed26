#!/usr/bin/env bash
# Many poll-feeds workers at once (SPEC §6 "Many workers"): every due feed is requested exactly once
# and no item is stored twice, on SQLite (2 workers) and PostgreSQL (4 workers over 500 feeds); a
# worker killed with -9 leaves leases that expire, and the next run polls its feeds.
source "$(dirname "$0")/lib.sh"

/usr/bin/python3 "$PEBBLE_SOURCE_DIR/tests/support/feed_server.py" >"$work/port" &
server_pid=$!
pg_database=""
cleanup() {
  kill "$server_pid" 2>/dev/null || true
  if [ -n "$pg_database" ]; then psql -q "$PEBBLE_TEST_POSTGRES_ADMIN_URL" -c "DROP DATABASE IF EXISTS $pg_database WITH (FORCE)" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
base="http://127.0.0.1:$(cat "$work/port")"
export PEBBLE_DENY_PRIVATE_NETWORKS=false

counts_json() { curl -s "$base/__counts"; }
# How many paths under PREFIX were requested, and how many more than once.
request_stats() {
  /usr/bin/python3 -c "
import json, sys
counts = {k: v for k, v in json.loads(sys.argv[1]).items() if k.startswith(sys.argv[2])}
print(len(counts), sum(1 for v in counts.values() if v != 1))" "$(counts_json)" "$1"
}

# --- SQLite: 2 workers over 200 due feeds ---
sqlite_db="$work/workers.db"
run --database "sqlite:$sqlite_db" poll-feeds  # creates and migrates the store
values=$(for i in $(seq 200); do printf "('%s/feed/s%d','2020-01-01T00:00:00Z','2020-01-01T00:00:00Z')," "$base" "$i"; done)
sqlite3 "$sqlite_db" "INSERT INTO feeds (url, created_at, updated_at) VALUES ${values%,}"
sqlite_pids=()
for worker in 1 2; do
  "$PEBBLE_BIN" --database "sqlite:$sqlite_db" poll-feeds --concurrency 8 --per-host 8 2>"$work/sqlite-$worker.err" &
  sqlite_pids+=($!)
done
for pid in "${sqlite_pids[@]}"; do wait "$pid" || fail "a SQLite worker failed: $(cat "$work"/sqlite-*.err)"; done
expect_equals "$(request_stats /feed/s)" "200 0" "SQLite: every feed requested exactly once"
expect_equals "$(sqlite3 "$sqlite_db" "SELECT count(*), count(DISTINCT feed_id || ' ' || guid) FROM feed_items")" "600|600" "SQLite: no item twice"
expect_equals "$(sqlite3 "$sqlite_db" "SELECT count(*) FROM feeds WHERE last_status = 200")" 200 "SQLite: all polled"

# --- kill -9 mid-run: leases expire, the next run polls the feeds ---
values=$(for i in $(seq 6); do printf "('%s/slow/k%d','2020-01-01T00:00:00Z','2020-01-01T00:00:00Z')," "$base" "$i"; done)
sqlite3 "$sqlite_db" "INSERT INTO feeds (url, created_at, updated_at) VALUES ${values%,}"
# --timeout 5, one round of 6 at --per-host 6: lease = 5 x 2 + 30 = 40 s.
"$PEBBLE_BIN" --database "sqlite:$sqlite_db" poll-feeds --timeout 5 --concurrency 6 --per-host 6 2>/dev/null &
victim=$!
# Kill it while all six requests are in flight (the server answers /slow after 3 s).
for _ in $(seq 100); do [ "$(request_stats /slow/k)" = "6 0" ] && break; sleep 0.1; done
kill -9 "$victim"; wait "$victim" 2>/dev/null || true
expect_equals "$(sqlite3 "$sqlite_db" "SELECT count(*) FROM feeds WHERE lease_owner IS NOT NULL AND last_status IS NULL")" 6 "killed worker left its leases"
run --database "sqlite:$sqlite_db" poll-feeds --json
expect_equals "$out" "" "leased feeds are not polled by another worker"
# The leases end 40 s after the claim, not later. Waiting for them proves nothing a clock cannot
# (tests/unit/poll/poller_test.cpp expires a lease with a ManualClock): put the rows where 40 s
# would leave them, with the leases run out, and check that the next run takes the feeds.
expect_equals "$(sqlite3 "$sqlite_db" "SELECT count(*) FROM feeds WHERE url LIKE '%/slow/k%' AND (julianday(lease_until) - julianday('now')) * 86400 BETWEEN 0 AND 40.5")" 6 "the killed worker's leases end within 40 s"
sqlite3 "$sqlite_db" "UPDATE feeds SET lease_until = '2020-01-01T00:00:00.000000Z' WHERE url LIKE '%/slow/k%' AND lease_owner IS NOT NULL"
run --database "sqlite:$sqlite_db" poll-feeds --json
expect_lines "$out" 6 "after the lease expired the feeds are polled"
expect_equals "$(sqlite3 "$sqlite_db" "SELECT count(*) FROM feeds WHERE url LIKE '%/slow/k%' AND last_status = 200 AND lease_owner IS NULL")" 6 "killed worker's feeds done"

# --- PostgreSQL: 4 workers over 500 due feeds ---
if [ -z "${PEBBLE_TEST_POSTGRES_ADMIN_URL:-}" ]; then
  [ "${CI:-}" = true ] && { fail "PEBBLE_TEST_POSTGRES_ADMIN_URL unset in CI"; finish; }
  echo "PostgreSQL part skipped: PEBBLE_TEST_POSTGRES_ADMIN_URL unset" >&2
  finish
fi
pg_database="pebble_poll_workers_$$"
psql -q "$PEBBLE_TEST_POSTGRES_ADMIN_URL" -c "CREATE DATABASE $pg_database" >/dev/null
pg_url="${PEBBLE_TEST_POSTGRES_ADMIN_URL%/*}/$pg_database"
run --database "$pg_url" poll-feeds
expect_status 0 "PostgreSQL store created"
values=$(for i in $(seq 500); do printf "('%s/feed/p%d',now(),now())," "$base" "$i"; done)
psql -q "$pg_url" -c "INSERT INTO feeds (url, created_at, updated_at) VALUES ${values%,}" >/dev/null
pids=()
for worker in 1 2 3 4; do
  "$PEBBLE_BIN" --database "$pg_url" poll-feeds --concurrency 8 --per-host 8 2>"$work/pg-$worker.err" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || fail "a PostgreSQL worker failed: $(cat "$work"/pg-*.err)"; done
expect_equals "$(request_stats /feed/p)" "500 0" "PostgreSQL: every feed requested exactly once"
expect_equals "$(psql -tAq "$pg_url" -c "SELECT count(*) || '|' || count(DISTINCT (feed_id, guid)) FROM feed_items")" "1500|1500" "PostgreSQL: no item twice"
worked=0
for worker in 1 2 3 4; do grep -q "polled [1-9]" "$work/pg-$worker.err" && worked=$((worked + 1)); done
[ "$worked" -ge 2 ] || fail "PostgreSQL: the work was not shared (workers that polled: $worked)"

finish
