#!/usr/bin/env bash
# `pebble serve` while another process holds an exclusive write lock on its SQLite store for 30 s
# (SPEC §7): every /metrics and /healthz request of a scrape loop is answered 200 within 3 s (a serve
# that cannot open the store then reports it down after --query-timeout); a serve started during the
# lock comes up and answers too; and once the locker commits, both show its write.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/serve_faults.sh"
filled_sqlite_store
start_serve "sqlite:$db" --cache-ttl 0.2 --query-timeout 2
first_url=$serve_url
metric_at() { sample_value "$(curl -s --max-time 10 "$1/metrics")" "$2"; }
users_are() { [ "$(metric_at "$1" pebble_users)" = "$2" ]; }
wait_until 30 users_are "$first_url" 1 || fail "serve does not show the store's one user"

# The locker: BEGIN EXCLUSIVE, one write, then 30 s holding the lock before COMMIT.
sqlite3 "$db" >"$work/locker.log" 2>&1 <<SQL &
.timeout 10000
BEGIN EXCLUSIVE;
INSERT INTO users (username, email, created_at, updated_at)
  VALUES ('locker', NULL, '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z');
.shell touch '$work/locked'
.shell sleep 30
COMMIT;
SQL
locker_pid=$!
on_exit "kill $locker_pid"
wait_until 15 test -e "$work/locked" || { cat "$work/locker.log" >&2; fail "the locker did not take the lock"; finish; }
locked_at=$SECONDS

# Writers are held off by the lock (the lock is real): a writer started now gives up after its 10 s
# busy timeout, while the lock is still held.
"$PEBBLE_BIN" --database "sqlite:$db" test-metrics >/dev/null 2>"$work/writer.err" &
writer_pid=$!

start_serve "sqlite:$db" --cache-ttl 0.2 --query-timeout 2
second_url=$serve_url
expect_equals "$(http_status "$second_url/healthz")" 200 "a serve started during the lock answers /healthz"

: >"$work/scrapes"
while kill -0 "$locker_pid" 2>/dev/null; do
  for url in "$first_url" "$second_url"; do
    for path in metrics healthz; do
      curl -s -o /dev/null -w "$url/$path %{http_code} %{time_total}\n" --max-time 5 "$url/$path" \
        >>"$work/scrapes" || true
    done
  done
  sleep 0.2
done
held=$((SECONDS - locked_at))
wait "$locker_pid" || fail "the locker failed: $(cat "$work/locker.log")"
if wait "$writer_pid"; then fail "a writer got through the exclusive lock, so the test is not testing a lock"; fi
expect_contains "$(cat "$work/writer.err")" "$db" "the blocked writer's error names the database"
[ "$held" -ge 25 ] || fail "the lock was held only ${held}s"

check_scrape_log "$work/scrapes" 30 3 "during the ${held}s lock"

for url in "$first_url" "$second_url"; do
  wait_until 30 users_are "$url" 2 || fail "$url does not show the locker's committed write (users: $(metric_at "$url" pebble_users))"
  expect_equals "$(metric_at "$url" pebble_store_up)" 1 "$url: pebble_store_up after the lock"
  expect_equals "$(http_status "$url/readyz")" 200 "$url: /readyz after the lock"
done
run --database "sqlite:$db" test-metrics
expect_status 0 "writers get through again after the lock"
finish
