#!/usr/bin/env bash
# serve compresses responses for clients that accept gzip: Content-Encoding: gzip, Vary:
# Accept-Encoding, and the same exposition once decompressed; a client that does not ask gets it
# plain (HEAD included), and q=0 refuses gzip.
source "$(dirname "$0")/lib.sh"
require_command gzip
database="sqlite:$work/gzip.db"
run --database "$database" test-metrics
expect_status 0 "test-metrics fills the store"
# A long cache TTL: both requests see the same snapshot, so their bodies can be compared.
start_serve "$database" --cache-ttl 600

curl -sf -D "$work/plain.headers" "$serve_url/metrics" -o "$work/plain.txt" || fail "plain GET /metrics"
curl -sf --compressed -H 'Accept-Encoding: gzip' -D "$work/gzip.headers" "$serve_url/metrics" \
  -o "$work/gzip.txt" || fail "GET /metrics with Accept-Encoding: gzip"
curl -sf -H 'Accept-Encoding: gzip' "$serve_url/metrics" -o "$work/raw.gz" || fail "raw gzip GET"
expect_contains "$(tr -d '\r' <"$work/gzip.headers")" "Content-Encoding: gzip" "the gzip answer's encoding"
expect_contains "$(tr -d '\r' <"$work/gzip.headers")" "Vary: Accept-Encoding" "the gzip answer varies"
expect_contains "$(tr -d '\r' <"$work/plain.headers")" "Vary: Accept-Encoding" "the plain answer varies too"
grep -qi '^Content-Encoding' "$work/plain.headers" && fail "a client that did not ask got an encoded body"
gzip -t "$work/raw.gz" 2>/dev/null || fail "the body sent is not valid gzip"
# The process_* and pebble_http_* families move between two scrapes; the rest must be identical.
stable() { grep -vE '^(process_|pebble_http_request)' "$1"; }
[ "$(stable "$work/plain.txt")" = "$(stable "$work/gzip.txt")" ] || fail "the gzip exposition differs from the plain one"
expect_contains "$(cat "$work/gzip.txt")" "pebble_bookmarks 5" "the decompressed exposition"
plain_size=$(stat -c %s "$work/plain.txt")
gzip_size=$(stat -c %s "$work/raw.gz")
[ "$gzip_size" -lt $((plain_size / 3)) ] || fail "gzip is $gzip_size bytes for $plain_size plain"
echo "exposition: $plain_size bytes plain, $gzip_size gzip"

expect_contains "$(curl -s -I -H 'Accept-Encoding: gzip' "$serve_url/metrics" | tr -d '\r')" "Content-Encoding: gzip" \
  "HEAD with gzip announces the encoding"
grep -qi '^Content-Encoding' <(curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip;q=0, identity' "$serve_url/metrics") &&
  fail "gzip;q=0 still got gzip"
expect_equals "$(curl -s --compressed "$serve_url/healthz")" "ok" "a small answer decompresses too"
finish
