#!/usr/bin/env bash
# PostgreSQL goes away in the middle of an import (SPEC §4, §1.3). First a crash (stop -m immediate)
# that lasts until the import gives up: exit 1 and one clear error line naming the server. Then a
# fast shutdown with an immediate restart, which the import may ride out (it reconnects) or report
# the same way. Either way every stored bookmark belongs to a committed batch (the job rows count
# exactly what is stored), and a rerun completes the file with exact counts and no duplicates. The
# server is a private cluster: the shared one other tests use is never stopped.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/private_postgres.sh"
count=${PEBBLE_FAULT_TEST_COUNT:-10000}  # two batches of 5 000
file="$work/bookmarks.html"
python3 "$PEBBLE_SOURCE_DIR/tests/support/generate_netscape.py" "$count" 11 >"$file"
start_private_postgres

# newest_job: the id of the newest import job (0: none yet).
newest_job() { private_sql "SELECT coalesce(max(id), 0) FROM import_jobs" 2>/dev/null || echo 0; }
# committed_after JOB_ID: whether a job newer than JOB_ID has committed a batch.
committed_after() {
  [ "$(private_sql "SELECT coalesce(sum(created_count + skipped_count), 0) FROM import_jobs WHERE id > $1" \
    2>/dev/null || echo 0)" -gt 0 ]
}

# consistent LABEL: every stored bookmark is counted by a job row (batches commit with their counts),
# and no URL is stored twice.
consistent() {
  expect_equals "$(private_sql 'SELECT count(*) FROM bookmarks')" \
    "$(private_sql 'SELECT coalesce(sum(created_count), 0) FROM import_jobs')" "$1: stored = committed job counts"
  expect_equals "$(private_sql 'SELECT count(*) - count(DISTINCT url) FROM bookmarks')" 0 "$1: no duplicate URL"
  expect_equals "$(private_sql 'SELECT count(*) FROM bookmark_tags bt LEFT JOIN bookmarks b ON b.id = bt.bookmark_id WHERE b.id IS NULL')" \
    0 "$1: no dangling tag links"
}

# A crash that lasts until the import gives up, then a fast shutdown with an immediate restart.
import_args=(--database "$postgres_url" --user faulty --no-progress import "$file")
interrupted_run crash import immediate until-exit "committed_after $(newest_job)" "${import_args[@]}"
consistent "after the crash"
interrupted_run restart import fast none "committed_after $(newest_job)" "${import_args[@]}"
consistent "after the fast restart"

# The rerun completes the file; when the import rode out the restart, it was that rerun already.
if [ "$(private_sql 'SELECT status FROM import_jobs ORDER BY id DESC LIMIT 1')" != completed ]; then
  run --database "$postgres_url" --user faulty --no-progress import "$file"
  expect_status 0 "the rerun completes"
fi
expect_equals "$(private_sql 'SELECT count(*) FROM bookmarks')" "$count" "exact count after the rerun"
consistent "after the rerun"
expect_equals "$(private_sql 'SELECT status FROM import_jobs ORDER BY id DESC LIMIT 1')" completed "the last job completed"
finish
