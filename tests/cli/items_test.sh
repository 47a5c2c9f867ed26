#!/usr/bin/env bash
# pebble items: newest first in its three forms, --feed/--since/--limit/--unread/--search (the
# full-text index), mark-read and mark-unread by id, feed and all; the rows and metrics they leave.
source "$(dirname "$0")/lib.sh"
export FEED_SERVER_FILES="$work/files"
mkdir -p "$FEED_SERVER_FILES"
rss() {  # rss FILE TITLE ITEM...: each ITEM is guid|date|title|description
  local file=$1 title=$2 item guid date name text
  shift 2
  {
    printf '<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title>' "$title"
    for item in "$@"; do
      IFS='|' read -r guid date name text <<<"$item"
      printf '<item><guid>%s</guid><link>https://example.org/%s</link><title>%s</title><pubDate>%s</pubDate><description>%s</description></item>' \
        "$guid" "$guid" "$name" "$date" "$text"
    done
    printf '</channel></rss>'
  } >"$FEED_SERVER_FILES/$file"
}
rss tech.xml "Tech news" \
  "t1|Mon, 01 Jan 2024 10:00:00 GMT|Kernel 6.9 released|Rust drivers land in the kernel" \
  "t2|Wed, 03 Jan 2024 10:00:00 GMT|GCC-14 and clang|&lt;p&gt;Compilers &lt;b&gt;compared&lt;/b&gt; &lt;a href=&quot;https://gcc.example/14&quot;&gt;here&lt;/a&gt;&lt;/p&gt;" \
  "t3|Fri, 05 Jan 2024 10:00:00 GMT|Async Rust in practice|Futures, executors and the kernel"
rss garden.xml "Garden diary" \
  "g1|Tue, 02 Jan 2024 10:00:00 GMT|Tomatoes|Basil and tomatoes side by side" \
  "g2|Thu, 04 Jan 2024 10:00:00 GMT|Winter|Nothing grows"
start_feed_server
db="$work/store.db"
export PEBBLE_DATABASE_URL="sqlite:$db"
sql() { sqlite3 -batch -noheader "$db" "$1"; }
tab=$'\t'

run items
expect_status 1 "items without a store"
run feeds add "$base/file/tech.xml" "$base/file/garden.xml"
expect_status 0 "subscribe both feeds"

# --- Newest first, tab-separated for scripts. ---
run items
expect_status 0 "items"
expect_equals "$out" "3${tab}2024-01-05T10:00:00Z${tab}unread${tab}1${tab}Tech news${tab}Async Rust in practice${tab}https://example.org/t3
5${tab}2024-01-04T10:00:00Z${tab}unread${tab}2${tab}Garden diary${tab}Winter${tab}https://example.org/g2
2${tab}2024-01-03T10:00:00Z${tab}unread${tab}1${tab}Tech news${tab}GCC-14 and clang${tab}https://example.org/t2
4${tab}2024-01-02T10:00:00Z${tab}unread${tab}2${tab}Garden diary${tab}Tomatoes${tab}https://example.org/g1
1${tab}2024-01-01T10:00:00Z${tab}unread${tab}1${tab}Tech news${tab}Kernel 6.9 released${tab}https://example.org/t1" "every item, newest first"
ids() { cut -f1 <<<"$out" | tr '\n' ' '; }
run items --limit 2
expect_equals "$(ids)" "3 5 " "--limit"
run items --feed "$base/file/garden.xml"
expect_equals "$(ids)" "5 4 " "--feed by URL"
run items --feed 1 --since 2024-01-02
expect_equals "$(ids)" "3 2 " "--feed by id and --since"
run items --feed "$base/file/none.xml"
expect_status 1 "an unknown --feed"
expect_equals "$err" "pebble items: --feed: no feed '$base/file/none.xml' in the store" "names it"
run items --since yesterday-ish
expect_status 2 "a bad --since"

# --- Full-text search: every word, whole words, prefixes, the text a reader sees. ---
run items --search kernel
expect_equals "$(ids)" "3 1 " "title or description"
run items --search "KERNEL rust"
expect_equals "$(ids)" "3 1 " "every word, any case"
run items --search "kern"
expect_equals "$out" "" "whole words only"
run items --search "tomato*"
expect_equals "$(ids)" "4 " "a prefix"
run items --search "gcc 14"
expect_equals "$(ids)" "2 " "punctuation separates words"
run items --search "compared" --feed 2
expect_equals "$out" "" "search within one feed"
run items --search "compared here"
expect_equals "$(ids)" "2 " "the words of an HTML description"
for markup in p b a href https gcc.example; do
  run items --search "$markup"
  expect_equals "$out" "" "'$markup' is only in the markup"
done
run items --search "--- !!"
expect_status 2 "a search without a word"
expect_contains "$err" "--search: '--- !!' holds no word to look for" "says why"

# --- Table on a terminal, NDJSON with --json. ---
script -qec "$PEBBLE_BIN items --limit 2" /dev/null | tr -d '\r' >"$work/table"
expect_equals "$(cat "$work/table")" "ID  DATE              STATE   FEED  SOURCE        TITLE                   LINK
 3  2024-01-05 10:00  unread     1  Tech news     Async Rust in practice  https://example.org/t3
 5  2024-01-04 10:00  unread     2  Garden diary  Winter                  https://example.org/g2" "the table"
run items --search tomatoes --json
expect_lines "$out" 1 "one object"
expect_equals "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["id"], d["feed_id"], d["feed_title"], d["title"], d["date"], d["published_at"], d["read_at"], d["summary"])' <<<"$out")" \
  "4 2 Garden diary Tomatoes 2024-01-02T10:00:00Z 2024-01-02T10:00:00Z None Basil and tomatoes side by side" "JSON fields"

# --- mark-read / mark-unread. ---
run items mark-read 1 3 999
expect_status 3 "one id names no item"
expect_equals "$out" "marked 2 item(s) read" "two marked"
expect_equals "$err" "pebble items mark-read: no item 999 in the store" "the unknown id named"
expect_equals "$(sql "SELECT id FROM feed_items WHERE read_at IS NOT NULL ORDER BY id" | tr '\n' ' ')" "1 3 " "read_at set"
expect_equals "$(sql "SELECT item_count, unread_count FROM feeds WHERE id = 1")" "3|1" "the feed's unread count follows"
run items mark-read 1
expect_status 0 "already read"
expect_equals "$out" "marked 0 item(s) read; 1 already read" "nothing changed"
run items --unread
expect_equals "$(ids)" "5 2 4 " "--unread"
run items mark-read --feed "$base/file/garden.xml"
expect_equals "$out" "marked 2 item(s) read" "a whole feed"
run items mark-unread --all
expect_equals "$out" "marked 4 item(s) unread" "every item"
expect_equals "$(sql "SELECT count(*) FROM feed_items WHERE read_at IS NULL")" 5 "all unread again"
expect_equals "$(sql "SELECT value FROM metric_counters WHERE command = 'items' AND family = 'pebble_model_updates_total' AND labels = 'model=\"feed_item\"'")" 8.0 "every changed row counted"
expect_equals "$(sql "SELECT status FROM job_runs WHERE command = 'items' ORDER BY id" | tr '\n' ' ')" "partial ok ok ok " "each mark is a recorded run"
run items mark-read
expect_status 2 "no selection"
expect_equals "$err" "pebble items mark-read: give item ids, --feed FEED or --all (exactly one of them)" "says what to give"
run items mark-read 1 --all
expect_status 2 "two selections"
run items mark-read 999
expect_status 1 "no id names an item"

finish
