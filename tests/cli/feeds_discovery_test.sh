#!/usr/bin/env bash
# pebble feeds add given a web page: the feeds it announces are subscribed in its place (the first of
# each type, a comments feed last; --all-feeds every one), each line says which page announced
# it, a feed that fails is one line of its own, and a page that announces none stores nothing.
source "$(dirname "$0")/lib.sh"
mkdir -p "$work/files"
export FEED_SERVER_FILES="$work/files"  # /file/NAME serves what the test writes there
start_feed_server
db="$work/store.db"
export PEBBLE_DATABASE_URL="sqlite:$db" PEBBLE_DENY_PRIVATE_NETWORKS=false
sql() { sqlite3 -batch -noheader "$db" "$1"; }
page="$base/page/several_feeds.html"

# --- The first feed of each type: RSS (not the comments feed), Atom, JSON Feed. ---
run feeds add "$page" --tag found
expect_status 0 "a page with feeds"
expect_equals "$out" "added feed 1 $base/feed/main: main (3 item(s)), announced by $page
added feed 2 $base/feed/atom: atom (3 item(s)), announced by $page
added feed 3 $base/feed/json: json (3 item(s)), announced by $page" "one line per feed, naming the page"
expect_equals "$(sql "SELECT url || ' ' || item_count FROM feeds ORDER BY id")" "$base/feed/main 3
$base/feed/atom 3
$base/feed/json 3" "subscribed with their items"
expect_equals "$(sql "SELECT count(*) FROM feed_tags WHERE name = 'found'")" 3 "the tags go to the feeds"
expect_equals "$(sql "SELECT count(*) FROM feeds WHERE url LIKE '%several_feeds%'")" 0 "the page is no feed"

# --- --all-feeds: every one, in the page's order; those already there say so. ---
run feeds add "$page" --all-feeds
expect_status 0 "again with --all-feeds"
expect_equals "$out" "added feed 4 $base/feed/comments: comments (3 item(s)), announced by $page
already subscribed: feed 1 $base/feed/main, announced by $page
already subscribed: feed 2 $base/feed/atom, announced by $page
already subscribed: feed 3 $base/feed/json, announced by $page
added feed 5 $base/feed/podcast: podcast (3 item(s)), announced by $page" "every feed"

# --- Relative references resolve against <base href>; a feed that fails is its own line. ---
run feeds add "$base/page/relative_base.html" --all-feeds
expect_status 1 "none of its feeds answers"
expect_equals "$err" "pebble feeds add: $base/blog/2024/atom.xml (announced by $base/page/relative_base.html): HTTP 404
pebble feeds add: $base/blog/feed.xml (announced by $base/page/relative_base.html): HTTP 404
$(grep 'feeds.example.invalid' <<<"$err")" "one line per feed"
expect_contains "$err" "pebble feeds add: http://feeds.example.invalid/feed.json (announced by $base/page/relative_base.html): " \
  "a feed on another host, with the page's scheme"

# --- A page that announces nothing stores nothing; a feed among pages still goes in (exit 3). ---
run feeds add "$base/page/plain.html" "$base/feed/direct" "$base/page/no_head.html"
expect_status 3 "some added, some not"
expect_equals "$out" "added feed 6 $base/feed/direct: direct (3 item(s))
added feed 7 $base/feed/nohead: nohead (3 item(s)), announced by $base/page/no_head.html" "the feed and the page's feed"
expect_equals "$err" "pebble feeds add: $base/page/plain.html: an HTML page that announces no feed (no <link rel=\"alternate\"> of an RSS, Atom or JSON Feed type; give the address of the feed itself)" \
  "the page without feeds"
expect_equals "$(sql 'SELECT count(*) FROM feeds')" 7 "nothing stored for it"
expect_equals "$(sql "SELECT value FROM metric_counters WHERE command = 'feeds' AND family = 'pebble_model_inserts_total' AND labels = 'model=\"feed\"'")" 7.0 "feed inserts counted"

# --- An announced feed that is itself a page is not followed further. ---
printf '<!DOCTYPE html><link rel="alternate" type="application/rss+xml" href="/page/several_feeds.html">' >"$work/files/hop.html"
run feeds add "$base/file/hop.html"
expect_status 1 "a page announcing a page"
expect_equals "$err" "pebble feeds add: $page (announced by $base/file/hop.html): an HTML page, not a feed" "one hop only"

finish
