#!/usr/bin/env bash
# A killed import leaves a consistent store and a rerun finishes the job without duplicates (SPEC
# §4): import a generated Netscape file of 100 000 bookmarks, kill -9 the process at three random
# moments after it has committed something, rerun to completion, then check integrity, the exact
# count and uniqueness — on SQLite and on PostgreSQL (a database of this process's own). Every start
# marks the rows its killed predecessors left `processing` as failed ("interrupted: ..."), so none is
# left `processing` after the rerun.
source "$(dirname "$0")/lib.sh"
count=${PEBBLE_KILL_TEST_COUNT:-100000}
full_count=$count
kills=3
file="$work/bookmarks.html"
python3 "$PEBBLE_SOURCE_DIR/tests/support/generate_netscape.py" "$count" 7 >"$file"

# sql BACKEND TARGET QUERY: one value through the store's own shell ("" when it cannot answer yet).
sql() {
  if [ "$1" = sqlite ]; then
    sqlite3 -batch -noheader "$2" "$3" 2>/dev/null || true
  else
    psql -X -q -t -A "$2" -c "$3" 2>/dev/null || true
  fi
}
# The newest job id, and the processed count of the newest job after a given id.
newest_job() { local id; id=$(sql "$1" "$2" "SELECT coalesce(max(id), 0) FROM import_jobs"); echo "${id:-0}"; }
progress_after() {
  local done
  done=$(sql "$1" "$2" "SELECT coalesce((SELECT created_count + skipped_count + updated_count FROM import_jobs WHERE id > $3 ORDER BY id DESC LIMIT 1), 0)")
  echo "${done:-0}"
}

# kill_and_rerun BACKEND DATABASE_URL TARGET: sets $killed to the runs killed before they finished.
kill_and_rerun() {
  local backend=$1 url=$2 target=$3 round pid waited before
  killed=0
  for round in $(seq "$kills"); do
    before=$(newest_job "$backend" "$target")
    "$PEBBLE_BIN" --database "$url" --user killer --no-progress import "$file" >/dev/null 2>"$work/kill.err" &
    pid=$!
    waited=0
    # Wait until this run has committed at least one batch of its own, then a random extra moment
    # (up to 1.5 s) so the kills land at different points of the file.
    while kill -0 "$pid" 2>/dev/null && [ "$(progress_after "$backend" "$target" "$before")" -eq 0 ]; do
      sleep 0.05
      waited=$((waited + 1))
      [ "$waited" -lt 2400 ] || { fail "$backend round $round: no batch committed within 2 minutes"; break; }
    done
    sleep "$((RANDOM % 2)).$((RANDOM % 10))"
    if kill -9 "$pid" 2>/dev/null; then
      killed=$((killed + 1))
    else
      echo "$backend round $round: the import finished before the kill" >&2
    fi
    wait "$pid" 2>/dev/null || true
  done
  run --database "$url" --user killer --no-progress import --json "$file"
  expect_status 0 "$backend: the rerun completes"
}

# check_jobs BACKEND TARGET: the rerun completed, nothing is left processing, the killed runs are marked.
check_jobs() {
  expect_equals "$(sql "$1" "$2" "SELECT status FROM import_jobs ORDER BY id DESC LIMIT 1")" completed "$1: the last job completed"
  expect_equals "$(sql "$1" "$2" "SELECT count(*) FROM import_jobs WHERE status IN ('pending', 'processing')")" 0 \
    "$1: no job left pending or processing"
  expect_equals "$(sql "$1" "$2" "SELECT count(*) FROM import_jobs WHERE status = 'failed' AND error_message LIKE 'interrupted: %'")" \
    "$killed" "$1: each killed run is marked failed as interrupted"
}

# SQLite
db="$work/store.db"
kill_and_rerun sqlite "sqlite:$db" "$db"
expect_equals "$(sqlite3 "$db" 'PRAGMA integrity_check')" ok "sqlite: integrity_check"
expect_equals "$(sqlite3 "$db" 'PRAGMA foreign_key_check' | wc -l)" 0 "sqlite: foreign_key_check"
expect_equals "$(sqlite3 "$db" 'SELECT count(*) FROM bookmarks')" "$count" "sqlite: exact count"
expect_equals "$(sqlite3 "$db" 'SELECT count(DISTINCT url) FROM bookmarks')" "$count" "sqlite: no duplicates"
check_jobs sqlite "$db"

# SIGINT: the current batch is committed, the job marked cancelled, exit 130; what is stored
# matches the job's counts, and a rerun completes the file. A smaller file (four batches) is enough
# here and keeps the test's time in the ASan build down.
count=20000
file="$work/small.html"
python3 "$PEBBLE_SOURCE_DIR/tests/support/generate_netscape.py" "$count" 8 >"$file"
db="$work/interrupted.db"
"$PEBBLE_BIN" --database "sqlite:$db" --user stopper --no-progress import "$file" >/dev/null 2>"$work/int.err" &
pid=$!
while kill -0 "$pid" 2>/dev/null && [ "$(progress_after sqlite "$db" 0)" -eq 0 ]; do sleep 0.05; done
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
expect_equals "$(sqlite3 "$db" "SELECT group_concat(status, ' ') FROM (SELECT status FROM import_jobs ORDER BY id)")" \
  "cancelled completed" "a cancelled job is finished, not abandoned: the rerun leaves it cancelled"

# PostgreSQL
if [ -z "${PEBBLE_TEST_POSTGRES_URL:-}" ] || [ -z "${PEBBLE_TEST_POSTGRES_ADMIN_URL:-}" ]; then
  [ "${CI:-}" != true ] || fail "PEBBLE_TEST_POSTGRES_URL / PEBBLE_TEST_POSTGRES_ADMIN_URL not set in CI"
  echo "PostgreSQL not configured: its half of the test is skipped" >&2
else
  database="pebble_kill_test_$$"
  psql -X -q "$PEBBLE_TEST_POSTGRES_ADMIN_URL" -c "CREATE DATABASE $database OWNER pebble" >/dev/null
  on_exit "psql -X -q \"\$PEBBLE_TEST_POSTGRES_ADMIN_URL\" -c 'DROP DATABASE IF EXISTS $database WITH (FORCE)'"
  pg_url="${PEBBLE_TEST_POSTGRES_URL%/*}/$database"
  count=$full_count
  file="$work/bookmarks.html"
  kill_and_rerun postgres "$pg_url" "$pg_url"
  pg() { psql -X -q -t -A "$pg_url" -c "$1"; }
  expect_equals "$(pg 'SELECT count(*) FROM bookmarks')" "$count" "postgres: exact count"
  expect_equals "$(pg 'SELECT count(DISTINCT url) FROM bookmarks')" "$count" "postgres: no duplicates"
  expect_equals "$(pg 'SELECT count(*) FROM (SELECT owner_id, unique_hash FROM bookmarks GROUP BY 1, 2 HAVING count(*) > 1) d')" 0 "postgres: unique hashes"
  expect_equals "$(pg "SELECT count(*) FROM bookmark_tags bt LEFT JOIN bookmarks b ON b.id = bt.bookmark_id WHERE b.id IS NULL")" 0 "postgres: no dangling tag links"
  check_jobs postgres "$pg_url"
fi

finish
