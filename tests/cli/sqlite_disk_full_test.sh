#!/usr/bin/env bash
# A SQLite store on a full filesystem (a 3.5 MiB tmpfs: room for one import batch of 5 000
# bookmarks, not for all 8 000): an import that runs out of space ends with exit 1 and one line
# naming the database file and the full disk, no crash; the store still passes PRAGMA
# integrity_check and holds only whole batches (the job rows count exactly what is stored); once
# there is room again, a rerun completes with the exact count. Needs root (mount); skipped where
# mounting is impossible, except in CI.
source "$(dirname "$0")/lib.sh"
require_command sqlite3
count=8000
file="$work/bookmarks.html"
python3 "$PEBBLE_SOURCE_DIR/tests/support/generate_netscape.py" "$count" 5 >"$file"
mount_point="$work/full"
mkdir -p "$mount_point"
mount -t tmpfs -o size=3584k pebble-full "$mount_point" 2>"$work/mount.err" ||
  skip_or_fail "cannot mount a tmpfs: $(cat "$work/mount.err")"
on_exit "umount -l '$mount_point'"
db="$mount_point/store.db"
store() { sqlite3 -batch -noheader "$db" "$1"; }

# consistent LABEL: the file is intact, and every stored bookmark belongs to a committed batch.
consistent() {
  expect_equals "$(store 'PRAGMA integrity_check')" ok "$1: integrity_check"
  expect_equals "$(store 'SELECT count(*) FROM bookmarks')" "$(store 'SELECT coalesce(sum(created_count), 0) FROM import_jobs')" \
    "$1: stored = committed job counts"
  expect_equals "$(store 'SELECT count(*) FROM bookmark_tags bt LEFT JOIN bookmarks b ON b.id = bt.bookmark_id WHERE b.id IS NULL')" \
    0 "$1: no dangling tag links"
}

run --database "sqlite:$db" --user filler --no-progress import "$file"
expect_status 1 "an import onto a full disk fails"
expect_lines "$err" 1 "one line of error"
expect_contains "$err" "pebble import: " "the error names the command"
expect_contains "$err" "$db" "the error names the database file"
expect_contains "$err" "full" "the error says the disk is full"
stored=$(store 'SELECT count(*) FROM bookmarks')
[ "$stored" -lt "$count" ] || fail "all $count bookmarks fit: the disk was not full"
echo "whole batches stored before the disk filled: $stored bookmark(s)"
consistent "on the full disk"

# A second run on the still-full disk fails the same clear way and harms nothing.
run --database "sqlite:$db" --user filler --no-progress import "$file"
expect_status 1 "a second import on the full disk fails too"
expect_contains "$err" "$db" "the second error names the database file"
consistent "after the second attempt"

mount -o remount,size=256m "$mount_point"
run --database "sqlite:$db" --user filler --no-progress import "$file"
expect_status 0 "the rerun with room completes (stderr: $err)"
expect_equals "$(store 'SELECT count(*) FROM bookmarks')" "$count" "exact count after the rerun"
expect_equals "$(store 'SELECT count(DISTINCT url) FROM bookmarks')" "$count" "no duplicates after the rerun"
consistent "after the rerun"
finish
