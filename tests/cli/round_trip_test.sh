#!/usr/bin/env bash
# Export then import into an empty store gives back every url, title, description, tag, feed_url,
# flag and timestamp (to the second) for netscape, activitystreams and opml (SPEC §5), and what
# Pinboard JSON can hold for pinboard.
source "$(dirname "$0")/lib.sh"
data="$PEBBLE_SOURCE_DIR/tests/data/bookmarks"
export PEBBLE_USER=alice

# Every column that must survive, one line per bookmark, tags sorted, timestamps to the second. An
# empty title is shown as "Untitled": Netscape writes it so (SPEC §5) and reads it back as written.
rows() {
  sqlite3 -batch -noheader "$1" "
    SELECT b.url, CASE b.title WHEN '' THEN 'Untitled' ELSE b.title END, coalesce(b.description, '<null>'), coalesce(b.feed_url, '<null>'), b.private,
           b.to_read, substr(b.created_at, 1, 19), substr(b.updated_at, 1, 19),
           coalesce((SELECT group_concat(name, ' ') FROM (SELECT t.name FROM bookmark_tags bt
                     JOIN tags t ON t.id = bt.tag_id WHERE bt.bookmark_id = b.id ORDER BY t.name)), '')
    FROM bookmarks b ORDER BY b.url"
}

# The export time is the only part of a document that may differ between two exports.
normalize() {
  sed -E -e "s/$(date -u +%Y-%m-%d)T[0-9:]{8}Z/EXPORT-TIME/g" \
    -e "s/[A-Z][a-z]{2}, $(date -u '+%d %b %Y') [0-9:]{8} [A-Z+0-9]+/EXPORT-TIME/g"
}

source_db="$work/source.db"
run --database "sqlite:$source_db" import "$data/fixture.html"
expect_status 0 "import the fixture"
run --database "sqlite:$source_db" import "$data/round_trip.json"
expect_status 0 "import the JSON sample"
expected=$(rows "$source_db")
expect_equals "$(sqlite3 "$source_db" 'SELECT count(*) FROM bookmarks')" 7 "seven bookmarks in the source store"

for format in netscape activitystreams opml; do
  run --database "sqlite:$source_db" export --format "$format" -o "$work/export.$format"
  expect_status 0 "export $format"
  target_db="$work/target-$format.db"
  run --database "sqlite:$target_db" import --format "$format" "$work/export.$format"
  expect_status 0 "import the $format export"
  actual=$(rows "$target_db")
  [ "$actual" == "$expected" ] || fail "$format round trip differs: $(diff <(echo "$expected") <(echo "$actual"))"
  # A second export of the copy is byte-identical apart from the export time.
  run --database "sqlite:$target_db" export --format "$format" -o "$work/again.$format"
  normalize <"$work/export.$format" >"$work/a"
  normalize <"$work/again.$format" >"$work/b"
  cmp -s "$work/a" "$work/b" || fail "$format: second export differs: $(diff "$work/a" "$work/b" | head -5)"
done

# Pinboard JSON holds no feed and no update time: everything else comes back.
pinboard_rows() {
  sqlite3 -batch -noheader "$1" "
    SELECT b.url, b.title, coalesce(b.description, '<null>'), b.private, b.to_read, substr(b.created_at, 1, 19),
           coalesce((SELECT group_concat(name, ' ') FROM (SELECT t.name FROM bookmark_tags bt
                     JOIN tags t ON t.id = bt.tag_id WHERE bt.bookmark_id = b.id ORDER BY t.name)), '')
    FROM bookmarks b ORDER BY b.url"
}
run --database "sqlite:$source_db" export --format pinboard -o "$work/export.pinboard"
expect_status 0 "export pinboard"
run --database "sqlite:$work/target-pinboard.db" import "$work/export.pinboard"
expect_status 0 "import the pinboard export (sniffed)"
expect_contains "$err" "(pinboard)" "sniffed as pinboard"
actual=$(pinboard_rows "$work/target-pinboard.db")
expected=$(pinboard_rows "$source_db")
[ "$actual" == "$expected" ] || fail "pinboard round trip differs: $(diff <(echo "$expected") <(echo "$actual"))"

finish
