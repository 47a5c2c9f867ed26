#!/usr/bin/env bash
# poll-feeds against a server that answers every poll with the same document and no ETag or
# Last-Modified (tests/support/feed_server.py /file/NAME): the items sent as stored are neither
# sanitized nor rewritten (their rows keep every column but last_seen_at, which moves, so retention
# keeps them), the ones that changed are; on SQLite and PostgreSQL.
source "$(dirname "$0")/lib.sh"
export FEED_SERVER_FILES="$work/files"
mkdir -p "$FEED_SERVER_FILES"
# write_feed TEXT: items u1 and u2, u2's description holding TEXT.
write_feed() {
  cat >"$FEED_SERVER_FILES/feed.xml" <<XML
<?xml version="1.0"?><rss version="2.0"><channel><title>Same bytes</title><link>https://example.org/</link>
<item><guid>u1</guid><title>One</title><description>&lt;p&gt;First &lt;a href="/one"&gt;item&lt;/a&gt;&lt;/p&gt;</description></item>
<item><guid>u2</guid><title>Two</title><description>$1</description></item>
</channel></rss>
XML
}
start_feed_server
feed_url="$base/file/feed.xml"

# check_backend NAME DATABASE_URL: the whole story against one store; `sql` reads it.
check_backend() {
  local name=$1
  export PEBBLE_DATABASE_URL=$2
  field() { /usr/bin/python3 -c "import json,sys; print(json.loads(sys.stdin.read())$1)" <<<"$out"; }
  write_feed "&lt;p&gt;Second&lt;/p&gt;"
  run poll-feeds --json "$feed_url"
  expect_status 0 "$name: first poll"
  expect_equals "$(field "['new_items']"),$(field "['unchanged_items']")" "2,0" "$name: both items are new"
  expect_equals "$(sql "SELECT count(*) FROM feed_items WHERE length(source_fingerprint) = 64")" 2 \
    "$name: each row keeps the fingerprint of its item as sent"

  # Mark the rows the way no poll writes them: a rewrite would show.
  sql "UPDATE feed_items SET extra = '{\"marked\": true}', updated_at = '2000-01-01T00:00:00Z',
       last_seen_at = '2000-01-01T00:00:00Z'" >/dev/null
  run poll-feeds --json "$feed_url"
  expect_status 0 "$name: same bytes again"
  expect_equals "$(field "['status']"),$(field "['new_items']"),$(field "['unchanged_items']")" "success,0,2" \
    "$name: a 200 whose items are all as stored"
  expect_equals "$(sql "SELECT count(*) FROM feed_items WHERE extra::text LIKE '%marked%'
                         AND updated_at = '2000-01-01T00:00:00Z'")" 2 "$name: neither row was rewritten"
  expect_equals "$(sql "SELECT count(*) FROM feed_items WHERE last_seen_at > '2020-01-01T00:00:00Z'")" 2 \
    "$name: both were seen"

  # u2 changes: it alone is sanitized and written again.
  write_feed "&lt;p&gt;Second, &lt;b&gt;edited&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;"
  run poll-feeds --json "$feed_url"
  expect_equals "$(field "['new_items']"),$(field "['unchanged_items']")" "0,1" "$name: one item changed"
  expect_equals "$(sql "SELECT guid FROM feed_items WHERE extra::text LIKE '%marked%' ORDER BY guid")" "u1" \
    "$name: the unchanged row is left as it was"
  expect_equals "$(sql "SELECT summary FROM feed_items WHERE guid = 'u2'")" "<p>Second, <b>edited</b></p>" \
    "$name: the changed item is sanitized"

  # Retention counts the items of the latest document as seen, unchanged ones included.
  export PEBBLE_ITEM_RETENTION=1
  run poll-feeds --json "$feed_url"
  unset PEBBLE_ITEM_RETENTION
  expect_equals "$(field "['unchanged_items']"),$(field "['items_deleted']")" "2,0" \
    "$name: retention keeps what the feed still holds"
  expect_equals "$(sql "SELECT count(*) FROM feed_items")" 2 "$name: both rows remain"
}

sql() { sqlite3 -batch -noheader "$work/store.db" "$(sed 's/::text//g' <<<"$1")"; }
check_backend sqlite "sqlite:$work/store.db"

[ "$failures" -eq 0 ] || [ -n "${PEBBLE_TEST_POSTGRES_URL:-}" ] || finish  # report SQLite's failures
create_postgres_database  # skips the rest without the test services
sql() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$postgres_url" -c "$1"; }
check_backend postgresql "$postgres_url"
finish
