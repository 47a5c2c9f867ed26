#!/usr/bin/env bash
# feeds, items, bookmarks and unfurl on a PostgreSQL store: the same commands give the same lines
# as on SQLite (the tsvector search included), and their writes leave the same rows and metrics.
source "$(dirname "$0")/lib.sh"
create_postgres_database
start_feed_server
export PEBBLE_USER=alice
tab=$'\t'
psql_value() { psql -X -q -t -A "$postgres_url" -c "$1"; }

for database in "sqlite:$work/store.db" "$postgres_url"; do
  export PEBBLE_DATABASE_URL=$database
  label=${database%%:*}
  run feeds add "$base/feed/a" "$base/feed/b" --tag news
  expect_status 0 "$label: feeds add"
  run feeds list
  expect_equals "$(cut -f1-5,9,10,11 <<<"$out")" "1${tab}active${tab}3${tab}3${tab}0${tab}news${tab}$base/feed/a${tab}a
2${tab}active${tab}3${tab}3${tab}0${tab}news${tab}$base/feed/b${tab}b" "$label: feeds list"
  run items --search "b item*" --limit 2
  expect_equals "$out" "6${tab}2023-11-14T22:12:00Z${tab}unread${tab}2${tab}b${tab}b item 2${tab}https://example.org/b/2
5${tab}2023-11-14T22:11:00Z${tab}unread${tab}2${tab}b${tab}b item 1${tab}https://example.org/b/1" "$label: items --search"
  run items mark-read --feed 2
  expect_equals "$out" "marked 3 item(s) read" "$label: mark-read"
  run feeds list --json
  expect_equals "$(python3 -c 'import json,sys; print([json.loads(l)["unread"] for l in sys.stdin])' <<<"$out")" "[3, 0]" "$label: unread counts"
  run items --unread --feed "$base/feed/b"
  expect_equals "$out" "" "$label: nothing unread in feed b"
  run bookmarks add "https://www.postgresql.org/docs/current/textsearch.html" --title "Full Text Search" --tag pg --no-unfurl
  expect_status 0 "$label: bookmarks add"
  run bookmarks add "https://sqlite.org/fts5.html" --title "SQLite FTS5" --description "full-text search"
  run bookmarks list --search "text search"
  expect_equals "$(cut -f4 <<<"$out")" "https://sqlite.org/fts5.html
https://www.postgresql.org/docs/current/textsearch.html" "$label: bookmarks --search, newest first"
  run bookmarks list --search "textsearch"
  expect_equals "$(cut -f1 <<<"$out")" 1 "$label: a word of the URL's path"
  run bookmarks delete 1
  expect_equals "$out" "deleted bookmark 1 https://www.postgresql.org/docs/current/textsearch.html" "$label: delete"
  # The search index holds the text a reader sees: a word that only the markup holds finds nothing.
  run feeds add "$base/served/deep/inline_whitespace_atom.xml"
  expect_status 0 "$label: a feed whose items hold markup"
  run items --search "bold italic"
  expect_equals "$(cut -f4 <<<"$out")" 3 "$label: words of the text are found"
  for markup in href https code li; do
    run items --search "$markup"
    expect_equals "$out" "" "$label: '$markup' is only markup"
  done
  run feeds remove 3
  expect_status 0 "$label: the feed with markup goes"
  run feeds remove 1
  expect_equals "$out" "removed feed 1 $base/feed/a (3 item(s) deleted)" "$label: remove"
  # unfurl: the same lines, fields and rows (bookmark 2 points outside the loopback server).
  run bookmarks delete 2
  run bookmarks add "$base/page/several_feeds.html" --no-unfurl
  run bookmarks add "$base/page/open_graph.html" --title "Mine" --no-unfurl
  run bookmarks add "$base/missing" --no-unfurl
  run unfurl
  expect_status 3 "$label: unfurl with a 404"
  # (SQLite gives the ids of deleted rows again, PostgreSQL does not: the lines are compared without them.)
  expect_equals "$(sed -E 's/bookmark [0-9]+ /bookmark /' <<<"$out" | sort)" "unfurled bookmark $base/page/open_graph.html: Open Graph title & more (filled description)
unfurled bookmark $base/page/several_feeds.html: A site with several feeds (filled title, feed_url)" "$label: unfurl lines"
  run bookmarks list --search "several feeds" --json
  expect_equals "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["title"], d["feed_url"])' <<<"$out")" \
    "A site with several feeds $base/feed/main" "$label: the filled title is searchable"
  run unfurl --all --json
  expect_equals "$(python3 -c 'import json,sys; print(sorted((d["url"].rsplit("/", 1)[1], d["status"], d["http_status"], len(d["feeds"])) for d in map(json.loads, sys.stdin)))' <<<"$out")" \
    "[('missing', 'not_found', 404, 0), ('open_graph.html', 'success', 304, 0), ('several_feeds.html', 'success', 304, 5)]" "$label: --all, conditionally"
done
expect_equals "$(psql_value "SELECT bookmark_id || ' ' || status || ' ' || jsonb_array_length(feeds) || ' ' || coalesce(filled_feed_url, '') FROM bookmark_unfurls ORDER BY bookmark_id")" \
  "3 success 5 $base/feed/main
4 success 0 
5 not_found 0 " "PostgreSQL: the unfurl rows"
expect_equals "$(psql_value "SELECT labels || ' ' || value FROM metric_counters WHERE command = 'unfurl' AND family = 'unfurl_operations_total' ORDER BY labels")" \
  "status=\"not_found\" 2
status=\"success\" 4" "PostgreSQL: unfurl_operations_total"
expect_equals "$(psql_value "SELECT value FROM metric_counters WHERE command = 'bookmarks' AND family = 'bookmark_operations_total' AND labels = 'operation=\"delete\",source=\"cli\"'")" 2 "PostgreSQL: the deletes are counted"
expect_equals "$(psql_value "SELECT value FROM metric_counters WHERE command = 'items' AND family = 'pebble_model_updates_total'")" 3 "PostgreSQL: the marks are counted"
expect_equals "$(psql_value "SELECT count(*) FROM feed_items")" 3 "PostgreSQL: the removed feed's items went"

finish
