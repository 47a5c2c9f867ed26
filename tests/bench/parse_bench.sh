#!/usr/bin/env bash
# Feed parsing: pebble's parser vs Python feedparser on the same generated corpora (RSS 2.0 with
# content:encoded, Atom, RDF, JSON Feed, and an RSS needing entity rewriting), with the bare
# library parse of the same bytes as the floor (tinyxml2; nlohmann::json for JSON Feed).
# Usage: parse_bench.sh BENCH_BINARY (pebble_feed_parse_bench). Times are medians of 3 runs.
set -euo pipefail
bench_binary=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/pebble-parse-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 "$here/gen_feeds.py" corpus "$work"
files=("$work"/large_rss.xml "$work"/large_atom.xml "$work"/large_rdf.xml "$work"/large_json.json
  "$work"/medium_rss.xml "$work"/messy_rss.xml)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$bench_binary" --runs 3 "${files[@]}" >"$work/pebble.txt"
/usr/bin/python3 "$here/feedparser_bench.py" "${files[@]}" >"$work/feedparser.txt"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== feed parsing (median of 3 runs; items/s and MB/s; sanitize: the separate step over every HTML value) =="
printf '%-15s %5s %5s | %11s %6s | %15s %5s | %-13s %6s %12s | %6s %8s %7s | %11s %8s\n' file MB items \
  pebble_it/s MB/s feedparser_it/s MB/s floor MB/s +values_MB/s vs_fp vs_floor vs_+val sanitize_ms +parse%
paste -d' ' "$work/pebble.txt" "$work/feedparser.txt" |
  while read -r file bytes items pebble floor floor_values floor_name sanitize _ _ fp_items fp_seconds; do
    awk -v f="$(basename "$file")" -v b="$bytes" -v i="$items" -v p="$pebble" -v t="$floor" \
      -v tv="$floor_values" -v n="$floor_name" -v fi="$fp_items" -v fs="$fp_seconds" -v s="$sanitize" 'BEGIN {
      mb = b / 1048576
      fp_items = fs > 0 ? sprintf("%15.0f", fi / fs) : sprintf("%15s", "n/a")
      fp_mb = fs > 0 ? sprintf("%5.1f", mb / fs) : sprintf("%5s", "n/a")
      ratio = fs > 0 ? sprintf("%5.1fx", fs / p) : sprintf("%6s", "n/a")
      printf "%-15s %5.1f %5d | %11.0f %6.1f | %s %s | %-13s %6.0f %12.0f | %s %7.2fx %6.2fx | %11.1f %7.0f%%\n",
        f, mb, i, i / p, mb / p, fp_items, fp_mb, n, mb / t, mb / tv, ratio, p / t, p / tv, s * 1000, 100 * s / p }'
  done
echo "(feedparser n/a: Debian's feedparser 6.0 does not read JSON Feed)"
echo "(vs_fp = feedparser time / pebble time, target >= 50x; vs_floor = pebble time / bare floor"
echo " parse time, target <= 2x; vs_+val = pebble time / floor parse that also reads every text node)"
echo "(pebble MB/s target >= 25 for large_rss: a 50 MB feed within 2 s on the 2-core machines)"
echo "(sanitize_ms: sanitize_items over every item's HTML, run by poll-feeds only on the items it keeps;"
echo " +parse% = that time as a share of the parse time)"
