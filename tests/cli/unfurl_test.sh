#!/usr/bin/env bash
# pebble unfurl against a loopback server (tests/support/feed_server.py) serving the page fixtures
# of tests/data/pages: what each page fills, what is never overwritten, --missing, --all, URLs,
# --overwrite, --json, the rows and metrics left behind, the exit codes; and bookmarks add, which
# unfurls a new bookmark with the same code.
source "$(dirname "$0")/lib.sh"
mkdir -p "$work/files"
export FEED_SERVER_FILES="$work/files"  # /file/NAME: a page the test changes between unfurls
start_feed_server
db="$work/store.db"
export PEBBLE_DATABASE_URL="sqlite:$db" PEBBLE_USER=alice PEBBLE_DENY_PRIVATE_NETWORKS=false
sql() { sqlite3 -batch -noheader "$db" "$1"; }
counter() {  # counter COMMAND FAMILY LABELS: a recorded counter, 0 when absent
  local value
  value=$(sql "SELECT value FROM metric_counters WHERE command = '$1' AND family = '$2' AND labels = '$3'")
  printf '%s\n' "${value:-0}"
}
id_of() { sql "SELECT b.id FROM bookmarks b JOIN users u ON u.id = b.owner_id WHERE u.username = 'alice' AND b.url = '$1'"; }

# --- No store, no user: nothing to unfurl, and nothing created. ---
run unfurl
expect_status 1 "unfurl without a store"
expect_equals "$err" "pebble unfurl: SQLite database $db does not exist (only commands that add data create one)" "names the file"
run bookmarks add "$base/page/plain.html" --no-unfurl --user bob
run unfurl
expect_status 1 "a user without bookmarks"
expect_equals "$err" "pebble unfurl: no user named 'alice' in the store (set --user or PEBBLE_USER)" "names the user"
expect_equals "$(sql 'SELECT count(*) FROM bookmark_unfurls')" 0 "--no-unfurl reads no page"

# --- The first run: every bookmark of alice's is missing. ---
pages=(open_graph.html twitter.html plain.html no_head.html relative_base.html several_feeds.html
       charset_meta.html charset_bom.html feed_itself.xml image.png)
for name in "${pages[@]}"; do run bookmarks add "$base/page/$name" --no-unfurl; done
run bookmarks add "$base/page/wrong_charset.html?type=text/html;%20charset=utf-8" --no-unfurl
run bookmarks add "$base/pagehop/charset_header.html?type=text/html;%20charset=koi8-r" --no-unfurl
run bookmarks add "$base/missing" --no-unfurl
run bookmarks add "$base/bigpage" --no-unfurl
run bookmarks add "$base/page/open_graph.html?mine" --title "My own title" --no-unfurl
total=15
run unfurl
expect_status 3 "two pages failed: exit 3"
expect_equals "$(sort <<<"$out")" "$(sort <<EXPECTED
unfurled bookmark $(id_of "$base/page/open_graph.html") $base/page/open_graph.html: Open Graph title & more (filled title, description)
unfurled bookmark $(id_of "$base/page/twitter.html") $base/page/twitter.html: Twitter card title (filled title, description)
unfurled bookmark $(id_of "$base/page/plain.html") $base/page/plain.html: A plain page title (filled title, description)
unfurled bookmark $(id_of "$base/page/no_head.html") $base/page/no_head.html: No head, no html, no body (filled title, description, feed_url)
unfurled bookmark $(id_of "$base/page/relative_base.html") $base/page/relative_base.html: Relative references (filled title, feed_url)
unfurled bookmark $(id_of "$base/page/several_feeds.html") $base/page/several_feeds.html: A site with several feeds (filled title, feed_url)
unfurled bookmark $(id_of "$base/page/charset_meta.html") $base/page/charset_meta.html: Привет, мир (filled title, description)
unfurled bookmark $(id_of "$base/page/charset_bom.html") $base/page/charset_bom.html: UTF-16 with a byte-order mark: 日本 (filled title)
unfurled bookmark $(id_of "$base/page/feed_itself.xml") $base/page/feed_itself.xml: A bookmarked feed (a feed, filled title, description, feed_url)
unfurled bookmark $(id_of "$base/page/wrong_charset.html?type=text/html;%20charset=utf-8") $base/page/wrong_charset.html?type=text/html;%20charset=utf-8: Café crème – served as UTF-8 (filled title, description)
unfurled bookmark $(id_of "$base/pagehop/charset_header.html?type=text/html;%20charset=koi8-r") $base/pagehop/charset_header.html?type=text/html;%20charset=koi8-r: Привет KOI8-R (filled title)
unfurled bookmark $(id_of "$base/bigpage") $base/bigpage: A page of more than 10 MB (filled title, description)
unfurled bookmark $(id_of "$base/page/open_graph.html?mine") $base/page/open_graph.html?mine: Open Graph title & more (filled description)
EXPECTED
)" "one line per page read, naming what it filled"
expect_contains "$err" "unfurl failed" "a warning per failed page"
expect_contains "$err" "error=\"$base/missing: HTTP 404\"" "the 404 names the URL"
expect_contains "$err" "error=\"$base/page/image.png: not an HTML page or a feed (Content-Type image/png)\"" "the image says its type"
[[ "$err" =~ unfurled\ $total\ page\(s\)\ in\ [0-9.]+\ s:\ 13\ success,\ 1\ not_found,\ 0\ error,\ 1\ not_html,\ 0\ blocked\;\ filled\ 12\ title\(s\),\ 9\ description\(s\),\ 4\ feed\ URL\(s\)\ \(4\ new\ feed\(s\)\) ]] ||
  fail "summary line: $err"

# The bookmarks: empty fields filled, the user's own title kept.
expect_equals "$(sql "SELECT title || '|' || coalesce(description, '') || '|' || coalesce(feed_url, '') FROM bookmarks WHERE url = '$base/page/open_graph.html?mine'")" \
  "My own title|The Open Graph description.|" "what the user wrote is kept"
expect_equals "$(sql "SELECT coalesce(feed_url, '') FROM bookmarks WHERE url IN ('$base/page/several_feeds.html', '$base/page/relative_base.html', '$base/page/feed_itself.xml', '$base/page/no_head.html') ORDER BY id")" \
  "$base/feed/nohead
$base/blog/2024/atom.xml
$base/feed/main
$base/page/feed_itself.xml" "feed_url from the announced feed (not a comments feed first)"
# Ordered by URL: pages are read concurrently, so the feeds rows are written in any order.
expect_equals "$(sql "SELECT url || ' ' || coalesce(last_polled_at, 'never') FROM feeds ORDER BY url")" \
  "$base/blog/2024/atom.xml never
$base/feed/main never
$base/feed/nohead never
$base/page/feed_itself.xml never" "each filled feed_url has its feeds row, left for poll-feeds"
expect_equals "$(sql "SELECT count(*) FROM bookmarks WHERE url IN ('$base/missing', '$base/page/image.png') AND title = '' AND description IS NULL")" 2 "failed pages fill nothing"

# The bookmark_unfurls rows.
row() { sql "SELECT $2 FROM bookmark_unfurls WHERE bookmark_id = $(id_of "$1")"; }
expect_equals "$(row "$base/page/open_graph.html" "status || '|' || http_status || '|' || title || '|' || site_name || '|' || image_url || '|' || favicon_url || '|' || feeds || '|' || etag || '|' || last_modified")" \
  "success|200|Open Graph title & more|Example News|$base/images/cover.jpg|$base/static/icon-32.png|[]|\"page-open_graph.html\"|Tue, 14 Nov 2023 22:13:20 GMT" "an Open Graph page's row"
expect_equals "$(row "$base/page/several_feeds.html" "feeds")" \
  "[{\"url\":\"$base/feed/comments\",\"type\":\"application/rss+xml\",\"title\":\"Comments\"},{\"url\":\"$base/feed/main\",\"type\":\"application/rss+xml\",\"title\":\"Main\"},{\"url\":\"$base/feed/atom\",\"type\":\"application/atom+xml\",\"title\":\"Atom\"},{\"url\":\"$base/feed/json\",\"type\":\"application/feed+json\",\"title\":\"JSON\"},{\"url\":\"$base/feed/podcast\",\"type\":\"application/rss+xml\",\"title\":\"Podcast\"}]" \
  "every announced feed, in order"
expect_equals "$(row "$base/pagehop/charset_header.html?type=text/html;%20charset=koi8-r" "final_url")" \
  "$base/page/charset_header.html?type=text/html;%20charset=koi8-r" "the URL read after the redirect"
expect_equals "$(row "$base/missing" "status || '|' || http_status || '|' || error || '|' || (unfurled_at IS NULL)")" \
  "not_found|404|$base/missing: HTTP 404|1" "a 404's row"
expect_equals "$(row "$base/page/image.png" "status")" "not_html" "an image's row"
expect_equals "$(sql "SELECT count(*) FROM bookmark_unfurls")" "$total" "one row per page"

# Metrics, recorded with the data under command="unfurl", and the run.
expect_equals "$(counter unfurl unfurl_operations_total 'status="success"')" 13.0 "successes counted"
expect_equals "$(counter unfurl unfurl_operations_total 'status="not_found"')" 1.0 "not_found counted"
expect_equals "$(counter unfurl unfurl_operations_total 'status="not_html"')" 1.0 "not_html counted"
expect_equals "$(sql "SELECT count FROM metric_histograms WHERE command = 'unfurl' AND family = 'unfurl_duration_seconds'")" "$total" "a duration per page"
expect_equals "$(counter unfurl bookmark_operations_total 'operation="update",source="unfurl"')" 13.0 "bookmark updates by unfurl"
expect_equals "$(row "$base/page/open_graph.html?mine" "coalesce(filled_title, 'none') || '|' || filled_description")" \
  "none|The Open Graph description." "the row says what was written into the bookmark"
expect_equals "$(counter unfurl pebble_model_inserts_total 'model="bookmark_unfurl"')" "$total.0" "unfurl rows inserted"
expect_equals "$(counter unfurl pebble_model_inserts_total 'model="feed"')" 4.0 "feeds inserted"
expect_equals "$(sql "SELECT status || ' ' || json_extract(summary, '\$.pages') || ' ' || json_extract(summary, '\$.failed') FROM job_runs WHERE command = 'unfurl' ORDER BY id DESC LIMIT 1")" \
  "partial $total 2" "the run is recorded as partial"

# --- Nothing is missing now: the 404 and the image are answers for good. ---
run unfurl --missing
expect_status 0 "nothing to do"
expect_equals "$out" "" "no page read"
expect_contains "$err" "unfurled 0 page(s)" "summary"

# --- --all asks again, conditionally: the unchanged pages answer 304 and keep their rows. ---
run unfurl --all --json
expect_status 3 "the 404 and the image still fail"
expect_lines "$out" "$total" "one JSON object per page"
json_field() { python3 -c "import json,sys
for line in sys.stdin:
    d = json.loads(line)
    if d['url'] == sys.argv[1]: print($2)" "$1" <<<"$out"; }
expect_equals "$(json_field "$base/page/open_graph.html" "d['status'], d['http_status'], d['not_modified'], d['title'], d['site_name'], d['filled']")" \
  "success 304 True Open Graph title & more Example News []" "a 304 reports the stored metadata"
expect_equals "$(json_field "$base/page/several_feeds.html" "[f['url'] for f in d['feeds']][1], d['feeds'][3]['type']")" \
  "$base/feed/main application/feed+json" "feeds in --json"
expect_equals "$(json_field "$base/missing" "d['status'], d['http_status'], d['error'], d['title'], d['feeds']")" \
  "not_found 404 $base/missing: HTTP 404 None []" "a failure in --json"
expect_equals "$(json_field "$base/bigpage" "d['truncated'], d['title']")" "True A page of more than 10 MB" "the big page was cut"
expect_equals "$(row "$base/page/open_graph.html" "status || '|' || http_status || '|' || title || '|' || etag")" \
  "success|304|Open Graph title & more|\"page-open_graph.html\"" "a 304 keeps the metadata and the validators"

# --- --limit takes the oldest. ---
run unfurl --all --limit 2 --json
expect_equals "$(python3 -c 'import json,sys; print(" ".join(str(json.loads(l)["bookmark_id"]) for l in sys.stdin))' <<<"$out" | tr ' ' '\n' | sort -n | tr '\n' ' ')" \
  "$(sql "SELECT id FROM bookmarks WHERE owner_id = (SELECT id FROM users WHERE username = 'alice') ORDER BY id LIMIT 2" | tr '\n' ' ')" "the two lowest ids"

# --- URLs: those bookmarks now; one that is not a bookmark is reported and counted. ---
plain_id=$(id_of "$base/page/plain.html")
run unfurl "$plain_id" "$base/page/twitter.html" "https://nowhere.example/"
expect_status 3 "one URL is not a bookmark"
expect_lines "$out" 2 "two pages read"
expect_equals "$err" "pebble unfurl: user 'alice' has no bookmark 'https://nowhere.example/' (add it with pebble bookmarks add)
$(grep 'unfurled 2 page' <<<"$err")" "one line for the URL that is no bookmark"
run unfurl "https://nowhere.example/"
expect_status 1 "no URL is a bookmark"

# --- --overwrite refreshes what an unfurl wrote, never what the user changed. ---
page_v() { printf '<!DOCTYPE html><title>%s</title><meta name="description" content="%s">' "$1" "$2" >"$work/files/changing.html"; }
page_v "First title" "First text"
run bookmarks add "$base/file/changing.html" --no-unfurl
changing=$(id_of "$base/file/changing.html")
run unfurl "$changing"
expect_equals "$(sql "SELECT title || '|' || description FROM bookmarks WHERE id = $changing")" "First title|First text" "filled"
sql "UPDATE bookmarks SET description = 'My words' WHERE id = $changing"
page_v "Second title" "Second text"
run unfurl "$changing"
expect_equals "$(sql "SELECT title || '|' || description FROM bookmarks WHERE id = $changing")" "First title|My words" "without --overwrite nothing set moves"
expect_equals "$(row "$base/file/changing.html" "title")" "Second title" "the row has the page as it is now"
run unfurl --overwrite "$changing"
expect_equals "$out" "unfurled bookmark $changing $base/file/changing.html: Second title (filled title)" "--overwrite refreshes the title"
expect_equals "$(sql "SELECT title || '|' || description FROM bookmarks WHERE id = $changing")" "Second title|My words" "the user's description stays"

# --- Usage errors. ---
for args in "--all $plain_id" "--missing --all" "--limit 0" "--concurrency 0"; do
  run unfurl $args
  expect_status 2 "unfurl $args"
done

# --- bookmarks add reads the page of a new bookmark with the same code. ---
run bookmarks add "$base/page/twitter.html?new" --title "Given"
expect_status 0 "bookmarks add"
new_id=$(id_of "$base/page/twitter.html?new")
expect_equals "$out" "added bookmark $new_id $base/page/twitter.html?new
unfurled bookmark $new_id $base/page/twitter.html?new: Twitter card title (filled description)" "added, then unfurled"
expect_equals "$(sql "SELECT title || '|' || description FROM bookmarks WHERE id = $new_id")" "Given|Twitter card description." "the given title kept"
run bookmarks add "$base/page/twitter.html?new" --title "Given"
expect_equals "$out" "unchanged bookmark $new_id $base/page/twitter.html?new" "an existing bookmark is not unfurled again"
run bookmarks add "$base/missing?new"
expect_status 0 "a page that cannot be read does not fail the add"
expect_contains "$err" "unfurl failed" "it warns"
expect_equals "$(sql "SELECT status FROM bookmark_unfurls WHERE bookmark_id = $(id_of "$base/missing?new")")" not_found "and records the attempt"
run bookmarks add "$base/page/plain.html?given" --title T --description D
expect_equals "$(sql "SELECT count(*) FROM bookmark_unfurls WHERE bookmark_id = $(id_of "$base/page/plain.html?given")")" 0 "nothing to fill: no page read"
expect_equals "$(counter bookmarks unfurl_operations_total 'status="success"')" 1.0 "bookmarks add counts its unfurls"
expect_equals "$(counter bookmarks unfurl_operations_total 'status="not_found"')" 1.0 "and its failures"
expect_equals "$(counter bookmarks bookmark_operations_total 'operation="update",source="cli"')" 1.0 "the fill is a cli update"

finish
