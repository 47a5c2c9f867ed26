#!/usr/bin/env bash
# Deeply nested JSON in a field the JSON importers read (url in ActivityStreams, any Pinboard
# field) used to overflow the stack (exit 139) and leave the import_jobs row pending. Items nested
# deeper than 512 levels now fail one by one with a reason; the job is recorded.
source "$(dirname "$0")/lib.sh"
db="$work/store.db"
export PEBBLE_DATABASE_URL="sqlite:$db" PEBBLE_USER=deep
sql() { sqlite3 -batch -noheader "$db" "$1"; }
python3 - "$work" <<'PY'
import sys
work, depth = sys.argv[1], 200_000
with open(f"{work}/deep.json", "w") as f:
    f.write('{"@context":"https://www.w3.org/ns/activitystreams","type":"Collection","items":['
            '{"url":"https://a.example/","name":"a"},{"name":"b","url":' + "[" * depth + "]" * depth +
            '},{"url":"https://c.example/","name":"c"}]}')
with open(f"{work}/deep-pinboard.json", "w") as f:
    f.write('[{"href":"https://a.example/p"},{"href":"https://b.example/p","tags":' + '{"a":' * depth + "1" +
            "}" * depth + '},{"href":"https://c.example/p"}]')
with open(f"{work}/deep-context.json", "w") as f:
    f.write('{"@context":' + "[" * depth + "]" * depth + ',"type":"Collection","items":[]}')
PY
for file in deep.json deep-pinboard.json; do
  run import --json "$work/$file"
  expect_status 3 "$file: the deep item is one failed item (139 = stack overflow)"
  expect_contains "$out" '"created":2' "$file: the items around it are kept"
  expect_contains "$out" '"error":"item nested deeper than 512 levels","index":1' "$file: the failure says why"
done
run import "$work/deep-context.json"
expect_status 1 "a deep root member is a root-level error"
expect_lines "$err" 1 "one line"
expect_contains "$err" "deep-context.json: line 1, byte " "names file and position"
expect_contains "$err" "root member nested deeper than 512 levels" "and why"
expect_equals "$(sql "SELECT group_concat(status, ' ') FROM import_jobs ORDER BY id")" "completed completed failed" "every job recorded"
finish
