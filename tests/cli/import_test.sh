#!/usr/bin/env bash
# pebble import: every flag, every exit code, the import_jobs row, feeds, dry runs and bad input
# (SPEC §4) against a fresh SQLite store.
source "$(dirname "$0")/lib.sh"
data="$PEBBLE_SOURCE_DIR/tests/data/bookmarks"
db="$work/store.db"
export PEBBLE_DATABASE_URL="sqlite:$db" PEBBLE_USER=alice
sql() { sqlite3 -batch -noheader "$db" "$1"; }

# A dry run parses everything, reports, and writes nothing: not the user, not an import_jobs row.
run import --dry-run --json "$data/fixture.html"
expect_status 0 "dry run of the fixture"
expect_contains "$out" '"created":4' "dry run predicts 4 creations"
expect_contains "$out" '"dry_run":true' "dry run says so"
[ ! -e "$db" ] || [ "$(sql 'SELECT count(*) FROM users')" = 0 ] || fail "dry run created a user"
[ ! -e "$db" ] || [ "$(sql 'SELECT count(*) FROM import_jobs')" = 0 ] || fail "dry run created an import_jobs row"

# The real import: created counts, job row completed, feeds row, flags, tags, timestamps.
run import "$data/fixture.html"
expect_status 0 "import the fixture"
expect_contains "$err" "4 created" "human summary on stderr"
expect_equals "$out" "" "nothing on stdout without --json"
expect_equals "$(sql 'SELECT count(*) FROM bookmarks')" 4 "four bookmarks"
expect_equals "$(sql "SELECT status, format, created_count, total, failed_details FROM import_jobs")" \
  "completed|netscape|4|4|[]" "import_jobs row completed"
expect_equals "$(sql "SELECT count(*) FROM import_jobs WHERE started_at IS NOT NULL AND completed_at IS NOT NULL AND file_size > 0")" 1 "job times and size"
expect_contains "$(sql 'SELECT options FROM import_jobs')" '"duplicates":"skip"' "options JSON"
expect_equals "$(sql "SELECT url FROM feeds")" "https://alpha.example/feed.xml" "a feeds row for the FEED attribute"
expect_equals "$(sql "SELECT private, to_read, created_at FROM bookmarks WHERE url LIKE 'https://beta%'")" \
  "1|1|2024-03-09T16:00:00.000000Z" "PRIVATE, TOREAD and ADD_DATE kept"
expect_equals "$(sql "SELECT group_concat(t.name, ' ') FROM (SELECT t.name FROM tags t JOIN bookmark_tags bt ON bt.tag_id = t.id JOIN bookmarks b ON b.id = bt.bookmark_id WHERE b.url LIKE 'https://beta%' ORDER BY t.name) t")" \
  "comma,tag tech" "escaped comma in a tag name"

# Rerunning: everything skipped by default; a dry run now predicts skips.
run import --dry-run --json "$data/fixture.html"
expect_contains "$out" '"skipped":4' "dry run sees the existing rows"
run import --json "$data/fixture.html"
expect_status 0 "second import"
expect_contains "$out" '"skipped":4' "skip is the default"
run import --duplicates overwrite --json "$data/fixture.html"
expect_contains "$out" '"updated":4' "--duplicates overwrite updates"
run import --duplicates merge --tag extra --json "$data/fixture.html"
expect_contains "$out" '"updated":4' "--duplicates merge adds the new tag"
expect_equals "$(sql "SELECT count(*) FROM bookmark_tags bt JOIN tags t ON t.id = bt.tag_id WHERE t.name = 'extra'")" 4 "--tag on every bookmark"
run import --duplicates merge --json "$data/fixture.html"
expect_contains "$out" '"skipped":4' "merge with nothing new skips"
expect_equals "$(sql 'SELECT count(*) FROM bookmarks')" 4 "still four bookmarks"

# --folder-tags, --tag repeated, --format forced, another user.
run --user bob import --folder-tags --tag one --tag two --format netscape "$data/fixture.html"
expect_status 0 "folder tags"
expect_equals "$(sql "SELECT count(*) FROM bookmarks b JOIN users u ON u.id = b.owner_id JOIN bookmark_tags bt ON bt.bookmark_id = b.id JOIN tags t ON t.id = bt.tag_id WHERE u.username = 'bob' AND t.name = 'Reading'")" 2 "H3 folder became a tag"
expect_equals "$(sql "SELECT count(*) FROM tags t JOIN users u ON u.id = t.owner_id WHERE u.username = 'bob' AND t.name IN ('one', 'two')")" 2 "both --tag values"

# Item failures: exit 3, recorded with index and reason; the rest imported; stdin works.
run --user carol import --json - <"$data/failures.json"
expect_status 3 "some items failed"
expect_contains "$out" '"failed":3' "three failures"
expect_contains "$out" '"created":2' "two created"
expect_contains "$out" '"index":1' "failure index"
expect_contains "$out" "missing required 'url'" "failure reason"
expect_equals "$(sql "SELECT status, failed_count, source FROM import_jobs WHERE id = (SELECT max(id) FROM import_jobs)")" "completed|3|-" "failed items in the job row"
expect_contains "$(sql "SELECT failed_details FROM import_jobs WHERE id = (SELECT max(id) FROM import_jobs)")" '"index":3' "failed_details JSON"
expect_equals "$(sql "SELECT count(*) FROM feeds WHERE url = 'https://ok.example/feed'")" 1 "feedUrl becomes a feeds row"
# TMPDIR (read by config/) chooses where stdin is copied: a folder that is not there is named.
# A store of its own, so the job-run counts below stay those of the runs they list.
TMPDIR="$work/no-such-folder" PEBBLE_DATABASE_URL="sqlite:$work/tmpdir.db" run --user carol import --json - <"$data/failures.json"
expect_status 1 "stdin with a missing TMPDIR"
expect_contains "$err" "cannot read standard input: cannot create a temporary copy in $work/no-such-folder/pebble-import." "TMPDIR names the folder"
run --user carol import "$data/failures.json"
expect_status 3 "human summary with failures"
expect_contains "$err" "item 1: " "the first failures are listed"

# OPML subscriptions and Pinboard.
run --user dave import --json "$data/subscriptions.opml"
expect_status 0 "OPML import"
expect_contains "$out" '"format":"opml"' "OPML sniffed"
expect_contains "$out" '"feeds_created":2' "two subscribed feeds"
expect_equals "$(sql "SELECT count(*) FROM feeds WHERE url IN ('https://one.example/feed.xml', 'https://two.example/rss')")" 2 "OPML feeds rows"
run --user erin import --json "$data/pinboard.json"
expect_status 0 "Pinboard import"
expect_equals "$(sql "SELECT private, to_read, created_at FROM bookmarks WHERE url = 'https://pin.example/'")" "1|1|2024-05-06T07:08:09.000000Z" "Pinboard flags and time"

# Root-level errors: exit 1, one line naming the file and position; the job row failed, nothing else.
before=$(sql 'SELECT count(*) FROM bookmarks')
printf 'hello, this is not a bookmark file\n' >"$work/text.txt"
run --user frank import "$work/text.txt"
expect_status 1 "not a bookmark file"
expect_lines "$err" 1 "one line"
expect_contains "$err" "$work/text.txt: line 1, byte 0: not a bookmark file" "names file and position"
expect_equals "$(sql "SELECT status FROM import_jobs WHERE id = (SELECT max(id) FROM import_jobs)")" failed "job marked failed"
expect_contains "$(sql "SELECT error_message FROM import_jobs WHERE id = (SELECT max(id) FROM import_jobs)")" "not a bookmark file" "error_message stored"
printf '{"@context": "https://www.w3.org/ns/activitystreams", "type": "OrderedThing", "items": [{"url": "https://x.example/", "name": "x"}]}' >"$work/root.json"
run import "$work/root.json"
expect_status 1 "JSON root not a Collection"
expect_contains "$err" "root.json: line 1" "position named"
head -c 250 "$data/failures.json" >"$work/truncated.json"
run import "$work/truncated.json"
expect_status 1 "truncated JSON"
expect_contains "$err" "truncated.json: line" "truncation names the file"
expect_equals "$(sql 'SELECT count(*) FROM bookmarks')" "$before" "no bookmark written by root-level errors"
run import "$work/missing.html"
expect_status 1 "unreadable file"
expect_contains "$err" "missing.html" "names the file"
run import --dry-run "$work/text.txt"
expect_status 1 "dry run of a bad file"

# Invalid UTF-8 is repaired, never a crash.
printf '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p><DT><A HREF="https://utf.example/" ADD_DATE="1">bad \xff\xfe bytes</A>\n</DL>\n' >"$work/bad-utf8.html"
run --user gina import --json "$work/bad-utf8.html"
expect_status 0 "invalid UTF-8"
expect_contains "$(sql "SELECT title FROM bookmarks WHERE url = 'https://utf.example/'")" "bad" "title kept with replacement characters"

# Usage errors: exit 2 naming the flag.
run import --format docx "$data/fixture.html"
expect_status 2 "unknown --format"
expect_contains "$err" "--format" "names --format"
run import --duplicates sometimes "$data/fixture.html"
expect_status 2 "unknown --duplicates"
run import --tag "" "$data/fixture.html"
expect_status 2 "empty --tag"

# Metrics: committed with the data under command="import" (labels as catalogue.h spells them).
metric() { sql "SELECT CAST(coalesce(sum(value), 0) AS INTEGER) FROM metric_counters WHERE command = 'import' AND family = '$1' AND labels = '$2'"; }
expect_equals "$(metric import_jobs_total 'status="started",format="netscape"')" 7 "import_jobs_total started (netscape)"
expect_equals "$(metric import_jobs_total 'status="completed",format="netscape"')" 7 "import_jobs_total completed (netscape)"
expect_equals "$(metric import_jobs_total 'status="failed",format="activitystreams"')" 2 "import_jobs_total failed (bad root, truncation)"
expect_equals "$(metric import_items_processed_total 'status="created",format="netscape"')" 9 "items created (alice 4, bob 4, gina 1)"
expect_equals "$(metric import_items_processed_total 'status="failed",format="activitystreams"')" 6 "items failed"
expect_equals "$(metric bookmark_operations_total 'operation="create",source="import"')" "$(sql 'SELECT count(*) FROM bookmarks')" "bookmark creations = rows"
expect_equals "$(metric pebble_model_inserts_total 'model="import_job"')" "$(sql 'SELECT count(*) FROM import_jobs')" "one import_job insert per row"
expect_equals "$(metric pebble_model_inserts_total 'model="feed"')" "$(sql 'SELECT count(*) FROM feeds')" "feed inserts = rows"
expect_equals "$(sql "SELECT count(*) FROM metric_histograms WHERE command = 'import' AND family = 'import_job_duration_seconds'")" 5 "duration histogram per format (and 'unknown')"
expect_equals "$(sql "SELECT count(*) FROM job_runs WHERE command = 'import'")" "$(($(sql 'SELECT count(*) FROM import_jobs') + 1))" \
  "a job run per import run (and one for the missing file; none for dry runs)"

# Every bookmark sample from Shaarli's corpus and every OPML sample: no crash, a defined status.
shared=${PEBBLE_SHARED_DIR:-$PEBBLE_SOURCE_DIR/../shared}
corpus_count=0
for file in "$shared"/corpora/netscape-shaarli/input/*; do
  [ -f "$file" ] || continue
  corpus_count=$((corpus_count + 1))
  run --user corpus import --json "$file"
  [ "$status" -le 3 ] || fail "$file: exit $status ($err)"
done
for file in "$shared"/corpora/opml-listparser/tests/files/opml/*.xml; do
  [ -f "$file" ] || continue
  corpus_count=$((corpus_count + 1))
  run --user opml import --format opml --json "$file"
  [ "$status" -le 3 ] || fail "$file: exit $status ($err)"
done
[ "$corpus_count" -ge 60 ] || fail "only $corpus_count corpus files found under $shared/corpora"
expect_equals "$(sql 'PRAGMA integrity_check')" ok "store intact after the corpora"

finish
