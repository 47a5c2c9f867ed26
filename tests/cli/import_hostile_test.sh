#!/usr/bin/env bash
# Hostile input for pebble import: a single 100 MB line (generated here, never committed) in
# Netscape and JSON, items missing their url, a JSON root that is not a Collection, a bad @context.
# Each gives a recorded item failure or one line naming the file and position; never a crash,
# never bookmarks written by a root-level failure.
source "$(dirname "$0")/lib.sh"
db="$work/store.db"
export PEBBLE_DATABASE_URL="sqlite:$db" PEBBLE_USER=hostile
sql() { sqlite3 -batch -noheader "$db" "$1"; }

python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
huge = 100_000_000
with open(f"{work}/huge.html", "w") as f:
    f.write('<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p><DT><A HREF="https://before.example/">before</A>'
            '<DT><A HREF="https://huge.example/" ADD_DATE="1">')
    f.write("x" * huge)
    f.write('</A><DT><A HREF="https://after.example/">after</A></DL>\n')
with open(f"{work}/huge.json", "w") as f:
    f.write('{"@context":"https://www.w3.org/ns/activitystreams","type":"Collection","items":['
            '{"url":"https://a.example/","name":"a"},{"url":"https://b.example/","name":"')
    f.write("y" * huge)
    f.write('"}]}')
PY

run import --json "$work/huge.html"
expect_status 3 "a 100 MB title is one failed item"
expect_contains "$out" '"created":2' "the bookmarks around it are kept"
expect_contains "$out" "title longer than" "the failure says why"
[ "$(sql "SELECT length(failed_details) < 10000 FROM import_jobs")" = 1 ] || fail "failed_details holds a shortened title"

run import "$work/huge.json"
expect_status 1 "a 100 MB JSON string is a root-level error"
expect_lines "$err" 1 "one line"
expect_contains "$err" "huge.json: line 1, byte " "names file and position"
expect_equals "$(sql "SELECT count(*) FROM bookmarks WHERE url = 'https://a.example/'")" 0 "nothing written before the error"
expect_equals "$(sql "SELECT status FROM import_jobs ORDER BY id DESC LIMIT 1")" failed "job failed"
rm -f "$work/huge.html" "$work/huge.json"

printf '[1, 2, 3]' >"$work/array.json"
run import --format activitystreams "$work/array.json"
expect_status 1 "a JSON array is not a Collection"
expect_contains "$err" "array.json: line 1" "names file and position"
printf '{"@context": "https://example.com/other", "type": "Collection", "items": []}' >"$work/context.json"
run import "$work/context.json"
expect_status 1 "a foreign @context"
expect_contains "$err" "context.json" "names the file"
printf '{"type": "Collection", "items": [{"name": "x"}, {"url": "", "name": "y"}], "@context": "https://www.w3.org/ns/activitystreams"}' >"$work/nourl.json"
run import --json "$work/nourl.json"
expect_status 3 "items without url fail one by one"
expect_contains "$out" '"failed":2' "both recorded"
printf '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p><DT><A HREF="https://t.example/" ADD_DATE="1">cut he' >"$work/truncated.html"
run import --json "$work/truncated.html"
expect_status 3 "a Netscape file cut inside a bookmark"
expect_contains "$out" "truncated" "the failure says the file is truncated"
printf '<?xml version="1.0"?><opml version="2.0"><body><outline xmlUrl="https://f.example/rss"' >"$work/truncated.opml"
run import "$work/truncated.opml"
expect_status 1 "truncated OPML is a root-level error"
expect_contains "$err" "truncated.opml: line" "names file and position"
: >"$work/empty.html"
run import "$work/empty.html"
expect_status 1 "an empty file"
expect_contains "$err" "empty.html" "names the file"
head -c 65536 /dev/urandom >"$work/random.bin"
run import --format netscape "$work/random.bin"
[ "$status" -eq 1 ] || [ "$status" -eq 3 ] || [ "$status" -eq 0 ] || fail "random bytes: exit $status ($err)"
expect_lines "$err" 1 "random bytes: one line at most"
expect_equals "$(sql 'PRAGMA integrity_check')" ok "store intact"
expect_equals "$(sql "SELECT count(*) FROM import_jobs WHERE status IN ('pending', 'processing')")" 0 "every job row finished"

finish
