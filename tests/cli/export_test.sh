#!/usr/bin/env bash
# pebble export: golden files for every format from a fixed store, -o atomicity, the default format
# from the extension, --tag/--since/--limit/--pretty and the error cases (SPEC §5).
source "$(dirname "$0")/lib.sh"
data="$PEBBLE_SOURCE_DIR/tests/data/bookmarks"
db="$work/store.db"
export PEBBLE_DATABASE_URL="sqlite:$db" PEBBLE_USER=alice
sql() { sqlite3 -batch -noheader "$db" "$1"; }

run import "$data/fixture.html"
expect_status 0 "import the fixture"

# The export time is the only moving part of a document; it is replaced before comparing.
normalize() {
  sed -E -e "s/$(date -u +%Y-%m-%d)T[0-9:]{8}Z/EXPORT-TIME/g" \
    -e "s/[A-Z][a-z]{2}, $(date -u '+%d %b %Y') [0-9:]{8} [A-Z+0-9]+/EXPORT-TIME/g"
}
check_golden() {  # check_golden NAME FILE
  local golden="$data/golden/$1"
  normalize <"$2" >"$work/normalized"
  if [ -n "${PEBBLE_UPDATE_GOLDEN:-}" ]; then cp "$work/normalized" "$golden"; fi
  cmp -s "$work/normalized" "$golden" || fail "$1 differs from its golden file: $(diff "$golden" "$work/normalized" | head -5)"
}
for format in netscape activitystreams opml markdown pinboard; do
  run export --format "$format"
  expect_status 0 "export $format"
  printf '%s\n' "$out" >"$work/export.$format"
  check_golden "export.$format" "$work/export.$format"
done
run export --format activitystreams --pretty
printf '%s\n' "$out" >"$work/pretty.json"
check_golden "export-pretty.activitystreams" "$work/pretty.json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["totalItems"] == len(d["items"]) == 4' "$work/pretty.json" ||
  fail "--pretty output is not the expected JSON"

# Newest first, --limit, --tag (AND), --since.
run export --format activitystreams --limit 2
expect_equals "$(python3 -c 'import json,sys; print(" ".join(i["url"] for i in json.load(sys.stdin)["items"]))' <<<"$out")" \
  "https://gamma.example/ https://beta.example/path?b=2&a=1" "--limit 2 gives the two newest"
run export --format activitystreams --tag tech --tag news
expect_equals "$(python3 -c 'import json,sys; print(json.load(sys.stdin)["totalItems"])' <<<"$out")" 1 "--tag is AND"
run export --format activitystreams --tag tech
expect_equals "$(python3 -c 'import json,sys; print(json.load(sys.stdin)["totalItems"])' <<<"$out")" 3 "one --tag"
run export --format activitystreams --since 2024-01-01
expect_equals "$(python3 -c 'import json,sys; print(json.load(sys.stdin)["totalItems"])' <<<"$out")" 2 "--since an ISO date"
run export --format activitystreams --since 1d
expect_equals "$(python3 -c 'import json,sys; print(json.load(sys.stdin)["totalItems"])' <<<"$out")" 0 "--since a duration"
run export --since 100y --format activitystreams
expect_equals "$(python3 -c 'import json,sys; print(json.load(sys.stdin)["totalItems"])' <<<"$out")" 4 "--since 100y"
for when in 90s 30m 12h 7d 2w 6mo 1y 2024-01-01T00:00:00Z; do
  run export --since "$when"
  expect_status 0 "--since $when"
done

# -o: the format from the extension, an atomic write, no temporary file left.
for pair in "out.html:DOCTYPE NETSCAPE" "out.htm:DOCTYPE NETSCAPE" "out.json:\"Collection\"" "out.jsonld:\"Collection\"" \
  "out.opml:<opml" "out.xml:<opml" "out.md:# 2024-" "out.txt:DOCTYPE NETSCAPE"; do
  file=${pair%%:*}
  run export -o "$work/$file"
  expect_status 0 "export -o $file"
  expect_equals "$out" "" "-o writes nothing on stdout"
  expect_contains "$(cat "$work/$file")" "${pair#*:}" "$file format from the extension"
done
echo "previous content" >"$work/keep.html"
run --user nobody export -o "$work/keep.html"
expect_status 1 "unknown user"
expect_contains "$err" "nobody" "the error names the user"
expect_equals "$(cat "$work/keep.html")" "previous content" "a failed export leaves the old file"
run export --tag no-such-tag -o "$work/keep.html"
expect_status 1 "unknown tag"
expect_contains "$err" "no-such-tag" "the error names the tag"
expect_equals "$(cat "$work/keep.html")" "previous content" "still the old file"
mkdir -p "$work/readonly" && chmod 555 "$work/readonly"
if [ "$(id -u)" != 0 ]; then
  run export -o "$work/readonly/out.html"
  expect_status 1 "unwritable folder"
  expect_contains "$err" "readonly" "names the folder"
fi
run export -o "$work/no-such-folder/out.html"
expect_status 1 "missing folder"
expect_contains "$err" "no-such-folder" "names the path"
leftovers=$(find "$work" -name '.*.tmp.*' | wc -l)
expect_equals "$leftovers" 0 "no temporary files left behind"

# SIGINT stops an export with exit 130 and one line saying so. Standard output is a pipe nobody reads
# yet, so the export fills it and waits mid-document: the signal surely comes before the end. Its
# first byte says the export is under way (the signal handlers are installed before it starts).
python3 "$PEBBLE_SOURCE_DIR/tests/support/generate_netscape.py" 1000 1 >"$work/big.html"
PEBBLE_DATABASE_URL="sqlite:$work/big.db" run import "$work/big.html"
expect_status 0 "import 1000 bookmarks"
mkfifo "$work/fifo"
PEBBLE_DATABASE_URL="sqlite:$work/big.db" "$PEBBLE_BIN" export >"$work/fifo" 2>"$work/interrupted.err" &
export_pid=$!
exec 3<"$work/fifo"
dd bs=1 count=1 <&3 >/dev/null 2>&1
kill -INT "$export_pid"
cat <&3 >/dev/null
exec 3<&-
status=0
wait "$export_pid" || status=$?
expect_status 130 "SIGINT during an export"
expect_contains "$(cat "$work/interrupted.err")" "pebble export: interrupted after" "says it was interrupted"
expect_lines "$(grep -v '^\[' "$work/interrupted.err" || true)" 1 "one error line"

# Usage errors exit 2 and name the flag.
run export --since yesterday
expect_status 2 "bad --since"
expect_contains "$err" "--since" "names --since"
run export --since 5x
expect_status 2 "bad --since unit"
run export --limit 0
expect_status 2 "--limit 0"
expect_contains "$err" "--limit" "names --limit"
run export --limit -3
expect_status 2 "negative --limit"
run export --format csv
expect_status 2 "an unknown format"
expect_contains "$err" "--format" "names --format"

# The export metrics and job runs are recorded.
expect_contains "$(sql "SELECT group_concat(family) FROM (SELECT DISTINCT family FROM metric_counters WHERE command = 'export')")" "export_operations_total" "export metrics recorded"

finish
