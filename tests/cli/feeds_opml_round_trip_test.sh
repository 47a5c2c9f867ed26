#!/usr/bin/env bash
# `export --feeds` → a fresh store → `import` gives back the same feeds table: URL, title, site,
# tags, enabled and disabled reason; two feeds with the same site stay two feeds, the self-test's
# feeds are not exported, and a pebble subscription list makes no bookmarks. Also into PostgreSQL
# when the test services run. A foreign OPML subscribes its feeds with titles and folder tags.
source "$(dirname "$0")/lib.sh"
data="$PEBBLE_SOURCE_DIR/tests/data/bookmarks"
start_feed_server
source_db="$work/source.db"
export PEBBLE_USER=alice

run --database "sqlite:$source_db" feeds add "$base/feed/a" "$base/feed/b" --tag news --tag "a,b/c"
expect_status 0 "two tagged feeds"
run --database "sqlite:$source_db" feeds add "$base/feed/c" "$base/feed/d"
run --database "sqlite:$source_db" feeds add "$base/feed/e" --tag zeta
run --database "sqlite:$source_db" feeds disable "$base/feed/b" --reason "paused <for now> & \"quoted\""
run --database "sqlite:$source_db" feeds disable "$base/feed/c"
run --database "sqlite:$source_db" test-metrics  # its disabled feeds must not travel
expect_status 0 "test-metrics"
sqlite3 "$source_db" "UPDATE feeds SET site_url = 'https://shared.example/' WHERE url IN ('$base/feed/a', '$base/feed/d')"
sqlite3 "$source_db" "UPDATE feeds SET title = NULL WHERE url = '$base/feed/d'"

# The feeds table as the round trip must keep it, one line per feed, tags sorted.
sqlite_feeds() {
  sqlite3 -batch -noheader "$1" "
    SELECT f.url, coalesce(f.title, '<null>'), coalesce(f.site_url, '<null>'), f.disabled, coalesce(f.disabled_reason, '<null>'),
           coalesce((SELECT group_concat(name, '|') FROM (SELECT name FROM feed_tags WHERE feed_id = f.id ORDER BY name)), '')
    FROM feeds f WHERE f.disabled_reason IS NOT 'pebble test-metrics' ORDER BY f.url"
}
expected=$(sqlite_feeds "$source_db")
expect_lines "$expected" 5 "five feeds of the user's own"

run --database "sqlite:$source_db" export --feeds -o "$work/subscriptions.opml"
expect_status 0 "export --feeds"
expect_contains "$err" "exported 5 feed(s) as an OPML subscription list to $work/subscriptions.opml" "the summary"
grep -q 'xmlns:pebble="https://github.com/pebble-feeds/pebble/opml"' "$work/subscriptions.opml" || fail "pebble's namespace is declared"
grep -q 'pebble:disabledReason="paused &lt;for now&gt; &amp; &quot;quoted&quot;"' "$work/subscriptions.opml" || fail "the reason is escaped"
grep -q 'test-metrics\|127.0.0.1:33333' "$work/subscriptions.opml" && fail "the self-test's feeds were exported"
python3 - "$work/subscriptions.opml" <<'PY' || fail "not the OPML a feed reader expects"
import sys, xml.etree.ElementTree as ET
body = ET.parse(sys.argv[1]).getroot().find("body")
folders = {o.get("text"): [c.get("xmlUrl") for c in o] for o in body if o.get("xmlUrl") is None}
top = [o.get("xmlUrl") for o in body if o.get("xmlUrl")]
assert sorted(folders) == ["a,b/c", "zeta"], folders  # each feed in the folder of its first tag
assert len(folders["a,b/c"]) == 2 and len(top) == 2, (folders, top)
PY

target_db="$work/target.db"
run --database "sqlite:$target_db" import --json "$work/subscriptions.opml"
expect_status 0 "import into a fresh store"
expect_contains "$out" '"feeds_created":5' "five feeds subscribed"
expect_contains "$out" '"created":0' "no bookmark made"
actual=$(sqlite_feeds "$target_db")
[ "$actual" == "$expected" ] || fail "the feeds table differs after the round trip: $(diff <(echo "$expected") <(echo "$actual"))"
expect_equals "$(sqlite3 "$target_db" 'SELECT count(*) FROM bookmarks')" 0 "no bookmarks"
run --database "sqlite:$target_db" import "$work/subscriptions.opml"
expect_contains "$err" "0 feed(s) added" "importing again subscribes nothing twice"

if [ -n "${PEBBLE_TEST_POSTGRES_URL:-}" ]; then
  create_postgres_database
  run --database "$postgres_url" import "$work/subscriptions.opml"
  expect_status 0 "import into PostgreSQL"
  pg_actual=$(psql -X -q -t -A -F '|' "$postgres_url" -c "
    SELECT f.url, coalesce(f.title, '<null>'), coalesce(f.site_url, '<null>'), f.disabled::int, coalesce(f.disabled_reason, '<null>'),
           coalesce((SELECT string_agg(name, '|' ORDER BY name COLLATE \"C\") FROM feed_tags WHERE feed_id = f.id), '')
    FROM feeds f ORDER BY f.url COLLATE \"C\"")
  [ "$pg_actual" == "$expected" ] || fail "PostgreSQL's feeds table differs: $(diff <(echo "$expected") <(echo "$pg_actual"))"
fi

# A foreign subscription list: bookmarks as before, and feeds with their titles and folder tags.
run --database "sqlite:$work/foreign.db" import "$data/subscriptions.opml"
expect_status 0 "a feed reader's OPML"
expect_equals "$(sqlite_feeds "$work/foreign.db")" "https://one.example/feed.xml|Feed One|https://one.example/|0|<null>|Tech
https://two.example/rss|Feed Two|<null>|0|<null>|Tech|news" "titles, sites, category and folder tags"
expect_equals "$(sqlite3 "$work/foreign.db" 'SELECT count(*) FROM bookmarks')" 3 "and its bookmarks, as before"

run --database "sqlite:$source_db" export --feeds --format netscape
expect_status 2 "--feeds with another format"
run --database "sqlite:$source_db" export --feeds --tag news
expect_status 2 "--feeds with a bookmark filter"

finish
