#!/usr/bin/env bash
# The User-Agent every fetching command sends: pebble's own by default (the README and man pages
# name it so publishers can find the project), --user-agent where a command takes one.
source "$(dirname "$0")/lib.sh"
start_feed_server
db="$work/store.db"
export PEBBLE_DATABASE_URL="sqlite:$db" PEBBLE_DENY_PRIVATE_NETWORKS=false
sql() { sqlite3 -batch -noheader "$db" "$1"; }
version=$("$PEBBLE_BIN" --version | head -n 1 | cut -d' ' -f2)
default_agent="pebble/$version (+https://github.com/pebble-feeds/pebble)"

run feeds add "$base/agent/feeds-add"
expect_status 0 "feeds add"
expect_equals "$out" "added feed 1 $base/agent/feeds-add: $default_agent (1 item(s))" "feeds add sends pebble's agent"

run poll-feeds "$base/agent/poll"
expect_status 0 "poll-feeds"
expect_equals "$(sql "SELECT title FROM feeds WHERE url = '$base/agent/poll'")" "$default_agent" \
  "poll-feeds sends pebble's agent"
run poll-feeds --user-agent "reader/2.0 (+https://reader.example)" "$base/agent/poll-custom"
expect_equals "$(sql "SELECT title FROM feeds WHERE url = '$base/agent/poll-custom'")" \
  "reader/2.0 (+https://reader.example)" "poll-feeds --user-agent"

run bookmarks add "$base/agentpage/add"
expect_status 0 "bookmarks add"
expect_equals "$(sql "SELECT title FROM bookmarks WHERE url = '$base/agentpage/add'")" "$default_agent" \
  "bookmarks add reads the page with pebble's agent"

run bookmarks add "$base/agentpage/unfurl" --no-unfurl
run unfurl "$base/agentpage/unfurl"
expect_equals "$(sql "SELECT title FROM bookmarks WHERE url = '$base/agentpage/unfurl'")" "$default_agent" \
  "unfurl sends pebble's agent"
run bookmarks add "$base/agentpage/unfurl-custom" --no-unfurl
run unfurl --user-agent "reader/3.0" "$base/agentpage/unfurl-custom"
expect_equals "$(sql "SELECT title FROM bookmarks WHERE url = '$base/agentpage/unfurl-custom'")" "reader/3.0" \
  "unfurl --user-agent"
finish
