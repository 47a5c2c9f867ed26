#!/usr/bin/env bash
# A killed import leaves a consistent store and a rerun finishes the job without duplicates (SPEC
# §4): import a generated Netscape file, kill -9 the process at three random moments after it has
# committed something, rerun to completion, then check integrity, the exact count and uniqueness —
# on SQLite and on PostgreSQL (a database of this process's own).
# The ASan build CI runs is ~10x slower than a release build, so this test uses 20 000 bookmarks;
# tests/bench/import_bench.sh measures the 100 000 case with the release binary.
source "$(dirname "$0")/lib.sh"
count=${PEBBLE_KILL_TEST_COUNT:-20000}
file="$work/bookmarks.html"
python3 "$PEBBLE_SOURCE_DIR/tests/support/generate_netscape.py" "$count" 7 >"$file"

# The newest import_jobs row's processed count, through the store's own shell.
sqlite_progress() { sqlite3 -batch -noheader "$1" "SELECT coalesce((SELECT created_count + skipped_count + updated_count FROM import_jobs ORDER BY id DESC LIMIT 1), 0)" 2>/dev/null || echo 0; }
postgres_progress() { psql -X -q -t -A "$1" -c "SELECT coalesce((SELECT created_count + skipped_count + updated_count FROM import_jobs ORDER BY id DESC LIMIT 1), 0)" 2>/dev/null || echo 0; }

# kill_and_rerun BACKEND DATABASE_URL PROGRESS_TARGET
kill_and_rerun() {
  local backend=$1 url=$2 target=$3 round pid waited progress
  for round in 1 2 3; do
    "$PEBBLE_BIN" --database "$url" --user killer --no-progress import "$file" >/dev/null 2>"$work/kill.err" &
    pid=$!
    waited=0
    # Wait until this run has committed at least one batch, then a random extra moment.
    while kill -0 "$pid" 2>/dev/null; do
      progress=$("${backend}_progress" "$target")
      [ "${progress:-0}" -gt 0 ] && break
      sleep 0.05
      waited=$((waited + 1))
      [ "$waited" -lt 2400 ] || { fail "$backend round $round: no batch committed within 2 minutes"; break; }
    done
    sleep "0.$((RANDOM % 10))"
    kill -9 "$pid" 2>/dev/null || echo "$backend round $round: the import finished before the kill" >&2
    wait "$pid" 2>/dev/null || true
  done
  run --database "$url" --user killer --no-progress import --json "$file"
  expect_status 0 "$backend: the rerun completes"
}

# SQLite
db="$work/store.db"
kill_and_rerun sqlite "sqlite:$db" "$db"
expect_equals "$(sqlite3 "$db" 'PRAGMA integrity_check')" ok "sqlite: integrity_check"
expect_equals "$(sqlite3 "$db" 'SELECT count(*) FROM bookmarks')" "$count" "sqlite: exact count"
expect_equals "$(sqlite3 "$db" 'SELECT count(DISTINCT url) FROM bookmarks')" "$count" "sqlite: no duplicates"
expect_equals "$(sqlite3 "$db" "SELECT status FROM import_jobs ORDER BY id DESC LIMIT 1")" completed "sqlite: the last job completed"

# SIGINT: the current batch is committed, the job marked cancelled, exit 130; what is stored
# matches the job's counts, and a rerun completes the file.
db="$work/interrupted.db"
"$PEBBLE_BIN" --database "sqlite:$db" --user stopper --no-progress import "$file" >/dev/null 2>"$work/int.err" &
pid=$!
while kill -0 "$pid" 2>/dev/null && [ "$(sqlite_progress "$db")" -eq 0 ]; do sleep 0.05; done
kill -INT "$pid" 2>/dev/null || true
set +e
wait "$pid"
int_status=$?
set -e
if [ "$(sqlite3 "$db" 'SELECT status FROM import_jobs')" = completed ]; then
  echo "the import finished before SIGINT arrived; the interruption was not exercised" >&2
else
  expect_equals "$int_status" 130 "SIGINT exits 130"
  expect_equals "$(sqlite3 "$db" 'SELECT status FROM import_jobs')" cancelled "the job is marked cancelled"
  expect_equals "$(sqlite3 "$db" 'SELECT count(*) FROM bookmarks')" "$(sqlite3 "$db" 'SELECT created_count FROM import_jobs')" \
    "bookmarks stored = the job's created count"
fi
run --database "sqlite:$db" --user stopper --no-progress import "$file"
expect_status 0 "rerun after SIGINT"
expect_equals "$(sqlite3 "$db" 'SELECT count(*) FROM bookmarks')" "$count" "complete after the rerun"

# PostgreSQL
if [ -z "${PEBBLE_TEST_POSTGRES_URL:-}" ] || [ -z "${PEBBLE_TEST_POSTGRES_ADMIN_URL:-}" ]; then
  [ "${CI:-}" != true ] || fail "PEBBLE_TEST_POSTGRES_URL / PEBBLE_TEST_POSTGRES_ADMIN_URL not set in CI"
  echo "PostgreSQL not configured: its half of the test is skipped" >&2
else
  database="pebble_kill_test_$$"
  psql -X -q "$PEBBLE_TEST_POSTGRES_ADMIN_URL" -c "CREATE DATABASE $database OWNER pebble" >/dev/null
  trap 'psql -X -q "$PEBBLE_TEST_POSTGRES_ADMIN_URL" -c "DROP DATABASE IF EXISTS '"$database"' WITH (FORCE)" >/dev/null 2>&1; rm -rf "$work"' EXIT
  pg_url="${PEBBLE_TEST_POSTGRES_URL%/*}/$database"
  kill_and_rerun postgres "$pg_url" "$pg_url"
  pg() { psql -X -q -t -A "$pg_url" -c "$1"; }
  expect_equals "$(pg 'SELECT count(*) FROM bookmarks')" "$count" "postgres: exact count"
  expect_equals "$(pg 'SELECT count(DISTINCT url) FROM bookmarks')" "$count" "postgres: no duplicates"
  expect_equals "$(pg 'SELECT count(*) FROM (SELECT owner_id, unique_hash FROM bookmarks GROUP BY 1, 2 HAVING count(*) > 1) d')" 0 "postgres: unique hashes"
  expect_equals "$(pg "SELECT status FROM import_jobs ORDER BY id DESC LIMIT 1")" completed "postgres: the last job completed"
  expect_equals "$(pg "SELECT count(*) FROM bookmark_tags bt LEFT JOIN bookmarks b ON b.id = bt.bookmark_id WHERE b.id IS NULL")" 0 "postgres: no dangling tag links"
fi

finish
