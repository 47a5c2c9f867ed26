#!/usr/bin/env bash
# Feed parsing: pebble's parser vs Python feedparser on the same generated corpora, and a bare
# tinyxml2 parse as the floor. Usage: parse_bench.sh BENCH_BINARY (pebble_feed_parse_bench).
set -euo pipefail
bench_binary=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/pebble-parse-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 "$here/gen_feeds.py" corpus "$work"
files=("$work"/large_rss.xml "$work"/large_atom.xml "$work"/medium_rss.xml)
"$bench_binary" "${files[@]}" >"$work/pebble.txt"
/usr/bin/python3 "$here/feedparser_bench.py" "${files[@]}" >"$work/feedparser.txt"
echo "== feed parsing (best of runs; items/s and MB/s) =="
printf '%-16s %8s %6s | %12s %9s | %12s %9s | %9s %9s | %7s\n' file MB items pebble_it/s MB/s feedparser_it/s MB/s tinyxml2 MB/s ratio
paste -d' ' "$work/pebble.txt" "$work/feedparser.txt" | while read -r file bytes items pebble tinyxml _ _ fp_items fp_seconds; do
  awk -v f="$(basename "$file")" -v b="$bytes" -v i="$items" -v p="$pebble" -v t="$tinyxml" -v fi="$fp_items" -v fs="$fp_seconds" 'BEGIN {
    mb = b / 1048576
    printf "%-16s %8.1f %6d | %12.0f %9.1f | %12.0f %9.1f | %9.4fs %9.1f | %6.1fx\n", f, mb, i, i / p, mb / p, fi / fs, mb / fs, t, mb / t, fs / p }'
done
echo "(ratio = feedparser time / pebble time; target >= 50x)"
