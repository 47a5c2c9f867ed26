#!/usr/bin/env bash
# The import FILE is a FIFO or /dev/fd/N: bytes that can be read only once. Sniffing the format
# used to read the first 4 KiB and a second open then hung (FIFO) or lost them (/dev/fd/N).
# Every non-regular file is now copied once, as stdin is.
source "$(dirname "$0")/lib.sh"
db="$work/store.db"
export PEBBLE_DATABASE_URL="sqlite:$db" PEBBLE_USER=fifo
sql() { sqlite3 -batch -noheader "$db" "$1"; }

# 200 bookmarks: far more than the 4 KiB sniffing reads.
python3 - "$work/bookmarks.html" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n")
    for i in range(200):
        f.write(f'<DT><A HREF="https://fifo.example/{i}" ADD_DATE="1700000000">bookmark number {i}</A>\n')
    f.write("</DL><p>\n")
PY

mkfifo "$work/feed.fifo"
cat "$work/bookmarks.html" >"$work/feed.fifo" &
writer=$!
on_exit "stop_process $writer"
set +e
timeout 30 "$PEBBLE_BIN" import --json "$work/feed.fifo" >"$work/stdout" 2>"$work/stderr"
status=$?
set -e
out=$(cat "$work/stdout") err=$(cat "$work/stderr")
expect_status 0 "import from a FIFO completes (124 = hung)"
expect_contains "$out" '"created":200' "every bookmark of the FIFO"
expect_equals "$(sql "SELECT count(*) FROM bookmarks")" 200 "rows in the store"

sed 's/fifo.example/fd.example/' "$work/bookmarks.html" >"$work/fd.html"
set +e
timeout 30 "$PEBBLE_BIN" import --json /dev/fd/3 3< <(cat "$work/fd.html") >"$work/stdout" 2>"$work/stderr"
status=$?
set -e
out=$(cat "$work/stdout") err=$(cat "$work/stderr")
expect_status 0 "import from /dev/fd/3 (a pipe)"
expect_contains "$out" '"created":200' "every bookmark of the pipe, the sniffed 4 KiB included"
expect_equals "$(sql "SELECT count(*) FROM bookmarks WHERE url LIKE 'https://fd.example/%'")" 200 "rows in the store"
expect_equals "$(sql "SELECT source FROM import_jobs ORDER BY id DESC LIMIT 1")" /dev/fd/3 "the job names the path given"
expect_equals "$(sql "SELECT count(*) FROM import_jobs WHERE status IN ('pending', 'processing')")" 0 "every job row finished"

finish
