#!/usr/bin/env bash
# pebble bookmarks: list in its three forms with --tag/--search/--since/--limit, add (created,
# updated, unchanged), tag, untag and delete; the rows, the exit codes and the metrics they leave
# (bookmark_operations_total{source="cli"}, pebble_model_*_total under command="bookmarks").
source "$(dirname "$0")/lib.sh"
data="$PEBBLE_SOURCE_DIR/tests/data/bookmarks"
db="$work/store.db"
export PEBBLE_DATABASE_URL="sqlite:$db" PEBBLE_USER=alice
sql() { sqlite3 -batch -noheader "$db" "$1"; }
counter() {  # counter FAMILY LABELS: the value recorded under command="bookmarks", 0 when absent
  local value
  value=$(sql "SELECT value FROM metric_counters WHERE command = 'bookmarks' AND family = '$1' AND labels = '$2'")
  printf '%s\n' "${value:-0}"
}
tab=$'\t'

run bookmarks list
expect_status 1 "list without a store"
run import "$data/fixture.html"
expect_status 0 "import the fixture"

# --- list: newest first, tab-separated for scripts. ---
run bookmarks list
expect_status 0 "list"
expect_equals "$out" "3${tab}2024-07-03T09:46:40Z${tab}${tab}https://gamma.example/${tab}Café 😀
2${tab}2024-03-09T16:00:00Z${tab}comma,tag,tech${tab}https://beta.example/path?b=2&a=1${tab}Beta * _markdown_ [chars]
1${tab}2023-11-14T22:13:20Z${tab}news,tech${tab}https://alpha.example/${tab}Alpha & Co
4${tab}2023-07-22T04:26:40Z${tab}tech${tab}https://delta.example/${tab}" "every bookmark of the user"
ids() { cut -f1 <<<"$out" | tr '\n' ' '; }
run bookmarks list --tag tech --tag news
expect_equals "$(ids)" "1 " "--tag twice: both tags"
run bookmarks list --tag nope
expect_status 1 "an unknown tag"
expect_equals "$err" "pebble bookmarks list: --tag: user 'alice' has no tag 'nope'" "names the tag"
run bookmarks list --since 2024-01-01 --limit 1
expect_equals "$(ids)" "3 " "--since and --limit"
run bookmarks list --search "alpha"
expect_equals "$(ids)" "1 " "title and URL words"
run bookmarks list --search "second line"
expect_equals "$(ids)" "1 " "description words"
run bookmarks list --search "example"
expect_equals "$(ids)" "3 2 1 4 " "the URL's host is words too"
run bookmarks list --search "mark*"
expect_equals "$(ids)" "2 1 " "a prefix: markdown, markup"
run --user bob bookmarks list
expect_status 1 "an unknown user"
expect_equals "$err" "pebble bookmarks list: no user named 'bob' in the store (set --user or PEBBLE_USER)" "names the user"
script -qec "$PEBBLE_BIN bookmarks list --tag tech" /dev/null | tr -d '\r' >"$work/table"
expect_equals "$(cat "$work/table")" "ID  CREATED           TAGS             URL                                TITLE
 2  2024-03-09 16:00  comma,tag, tech  https://beta.example/path?b=2&a=1  Beta * _markdown_ [chars]
 1  2023-11-14 22:13  news, tech       https://alpha.example/             Alpha & Co
 4  2023-07-22 04:26  tech             https://delta.example/" "the table"
run bookmarks list --tag news --json
expect_equals "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["id"], d["url"], d["tags"], d["private"], d["created_at"], d["description"].splitlines()[0])' <<<"$out")" \
  "1 https://alpha.example/ ['news', 'tech'] False 2023-11-14T22:13:20Z First line" "JSON fields"

# --- add: created, then updated, then unchanged; a URL that is not http(s) is a usage error. ---
# (--no-unfurl: these pages are not on a loopback server; unfurl_test.sh tests the unfurl of add.)
run bookmarks add "sqlite.org/fts5.html" --title "SQLite FTS5" --tag sqlite --tag search --no-unfurl
expect_status 0 "add"
expect_equals "$out" "added bookmark 5 http://sqlite.org/fts5.html" "added line"
expect_equals "$(sql "SELECT url, title, description IS NULL FROM bookmarks WHERE id = 5")" "http://sqlite.org/fts5.html|SQLite FTS5|1" "the row"
run bookmarks add "http://sqlite.org/fts5.html/?utm_source=x" --description "Full-text search" --tag sqlite
expect_equals "$out" "updated bookmark 5 http://sqlite.org/fts5.html" "the same URL updates"
expect_equals "$(sql "SELECT title, description FROM bookmarks WHERE id = 5")" "SQLite FTS5|Full-text search" "title kept, description set"
run bookmarks add "http://sqlite.org/fts5.html" --tag search
expect_equals "$out" "unchanged bookmark 5 http://sqlite.org/fts5.html" "nothing new"
run bookmarks add "https://example.org/untitled" --no-unfurl
expect_equals "$(sql "SELECT title FROM bookmarks WHERE url = 'https://example.org/untitled'")" "" "no --title, no unfurl: an empty title"
run --user carol bookmarks add "https://carol.example/" --no-unfurl
expect_status 0 "add for a new user"
expect_equals "$(sql "SELECT count(*) FROM users WHERE username = 'carol'")" 1 "the user is created"
run bookmarks add "javascript:alert(1)"
expect_status 2 "not an http URL"
expect_equals "$err" "pebble bookmarks add: javascript:alert(1): not an http or https URL (scheme 'javascript')" "says why"
run bookmarks list --search "full text"
expect_equals "$(ids)" "5 " "an added description is searchable at once"

# --- tag and untag. ---
run bookmarks tag 5 db "search"
expect_equals "$out" "tagged bookmark 5 http://sqlite.org/fts5.html: 1 tag(s) added" "tag"
run bookmarks untag "sqlite.org/fts5.html" search nope
expect_equals "$out" "untagged bookmark 5 http://sqlite.org/fts5.html: 1 tag(s) removed" "untag by URL"
expect_equals "$(sql "SELECT group_concat(t.name, ' ') FROM (SELECT t.name FROM bookmark_tags bt JOIN tags t ON t.id = bt.tag_id WHERE bt.bookmark_id = 5 ORDER BY t.name) t")" "db sqlite" "tags now"
run bookmarks untag 5 nope
expect_status 0 "nothing to untag"
expect_equals "$out" "untagged bookmark 5 http://sqlite.org/fts5.html: 0 tag(s) removed" "reported"
run bookmarks tag 999 x
expect_status 1 "an unknown bookmark"
expect_equals "$err" "pebble bookmarks tag: user 'alice' has no bookmark '999'" "named"
run bookmarks tag 5 ""
expect_status 2 "an empty tag"

# --- delete: several, one unknown (exit 3); another user's id is not found. ---
carol_id=$(sql "SELECT b.id FROM bookmarks b JOIN users u ON u.id = b.owner_id WHERE u.username = 'carol'")
run bookmarks delete 5 "https://alpha.example/" "$carol_id" "https://nowhere.example/"
expect_status 3 "two deleted, two not found"
expect_equals "$out" "deleted bookmark 5 http://sqlite.org/fts5.html
deleted bookmark 1 https://alpha.example/" "delete lines"
expect_equals "$err" "pebble bookmarks delete: user 'alice' has no bookmark '$carol_id'
pebble bookmarks delete: user 'alice' has no bookmark 'https://nowhere.example/'" "not found, one line each"
expect_equals "$(sql "SELECT count(*) FROM bookmarks WHERE id IN (1, 5, $carol_id)")" 1 "carol's bookmark stays"
expect_equals "$(sql "SELECT count(*) FROM bookmark_tags WHERE bookmark_id IN (1, 5)")" 0 "their tag links went"
run bookmarks delete 1
expect_status 1 "nothing to delete"

# --- The metrics of every write, under command="bookmarks", source="cli". ---
expect_equals "$(counter bookmark_operations_total 'operation="create",source="cli"')" 3.0 "three created"
expect_equals "$(counter bookmark_operations_total 'operation="update",source="cli"')" 3.0 "update, tag, untag"
expect_equals "$(counter bookmark_operations_total 'operation="delete",source="cli"')" 2.0 "two deleted"
expect_equals "$(counter pebble_model_deletes_total 'model="bookmark"')" 2.0 "model deletes"
expect_equals "$(counter pebble_model_inserts_total 'model="user"')" 1.0 "carol"
expect_equals "$(sql "SELECT count(*) FROM job_runs WHERE command = 'bookmarks'")" 11 "each write is a recorded run"

finish
