#!/usr/bin/env bash
# poll-feeds and what it makes of item content (#13), through a real loopback server: relative
# references resolve against the Content-Location header, else the URL after a redirect; HTML is
# sanitized before it is printed and stored; every text's type and the podcast and media fields
# reach both --json and the store.
source "$(dirname "$0")/lib.sh"
require_command sqlite3
start_feed_server
export PEBBLE_DATABASE_URL="sqlite:$work/pebble.db"
export PEBBLE_DENY_PRIVATE_NETWORKS=false
db() { sqlite3 -separator '|' "$work/pebble.db" "$1"; }
# item_field FEED_URL INDEX EXPRESSION: a value of the INDEXth item of that feed's --json line.
item_field() {
  /usr/bin/python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    if d["url"] == sys.argv[1]:
        print(json.dumps(eval(sys.argv[3], {"item": d["items"][int(sys.argv[2])], "feed": d["feed"]})))' \
    "$1" "$2" "$3" <<<"$out"
}

# --- Content-Location is the base when the document has no xml:base ---
located="$base/located/content_location.xml"
run poll-feeds --dry-run --json "$located"
expect_status 0 "dry run of a feed with Content-Location"
expect_equals "$(item_field "$located" 0 'item["link"]')" "\"$base/archive/2024/post.html\"" "link against Content-Location"
expect_equals "$(item_field "$located" 0 'item["summary"]')" \
  "\"<img src=\\\"$base/archive/2024/img/a.png\\\" alt=\\\"a\\\" />\"" "HTML references against Content-Location"
expect_equals "$(item_field "$located" 0 'item["summary_type"]')" '"html"' "an RSS description is HTML"
expect_equals "$(item_field "$located" 0 'item["enclosures"][0]["url"]')" "\"$base/archive/2024/media/a.mp3\"" \
  "enclosure against Content-Location"
expect_equals "$(item_field "$located" 0 'feed["image"]')" "\"$base/archive/2024/logo.png\"" "channel image"

# --- after a redirect, the final URL is the base ---
hopped="$base/hop/final_url_base.xml"
run poll-feeds --dry-run --json "$hopped"
expect_equals "$(item_field "$hopped" 0 'item["link"]')" "\"$base/served/deep/entry\"" "link against the final URL"
expect_equals "$(item_field "$hopped" 0 'item["guid"]')" "\"$base/id/1\"" "a path-like id resolves too"
expect_contains "$(item_field "$hopped" 0 'item["content"]')" "href=\\\"$base/served/up\\\"" "content against the final URL"

# --- stored: sanitized HTML with its type, podcast and media fields ---
sanitized="$base/served/deep/sanitize_content.xml"
podcast="$base/served/deep/podcast_itunes.xml"
run poll-feeds --json "$sanitized" "$podcast"
expect_status 0 "storing poll"
expect_equals "$(item_field "$sanitized" 0 'item["title"]')" '"safe description"' "the script of an HTML title goes"
expect_equals "$(db "SELECT title, title_type, summary_type, content_type FROM feed_items WHERE guid = 'urn:s:1'")" \
  "safe description|html|html|html" "stored HTML title and its types"
expect_equals "$(db "SELECT summary FROM feed_items WHERE guid = 'urn:s:1'")" \
  '<img src="http://example.com/i.jpg" />' "event handlers are not stored"
expect_equals "$(db "SELECT title, title_type FROM feed_items WHERE guid = 'urn:s:2'")" \
  "<script>alert(1)</script> is text|text" "a text title is stored as text, not markup"
expect_equals "$(db "SELECT count(*) FROM feed_items WHERE content LIKE '%script%' OR content LIKE '%onmouse%'")" "0" \
  "no script or event handler in any stored content"
expect_equals "$(item_field "$podcast" 0 '[item["duration_seconds"], item["image"], item["explicit"], item["media"][0]["url"]]')" \
  "[3723.5, \"$base/ep1.jpg\", true, \"http://example.org/thumb1.jpg\"]" "podcast fields in --json"
expect_equals "$(item_field "$podcast" 0 '[item["enclosures"][0]["type"], item["enclosures"][0]["length"]]')" \
  '["audio/mpeg", 12345678]' "enclosure type and length in --json"
expect_equals "$(db "SELECT json_extract(extra, '\$.duration_seconds'), json_extract(extra, '\$.explicit'),
                    json_extract(extra, '\$.media[0].type') FROM feed_items WHERE guid = 'ep2'")" \
  "95|0|video/mp4" "podcast and media fields in the store"
finish
