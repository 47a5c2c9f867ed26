#!/usr/bin/env bash
# Runs every benchmark against one release pebble binary (`make bench`). Benchmarks print numbers;
# they are not tests and do not fail on slowness. The parse benchmark needs
# pebble_feed_parse_bench (cmake -DPEBBLE_BUILD_BENCH=ON), looked for next to the binary.
# Usage: tests/bench/run.sh PEBBLE_RELEASE_BINARY
set -euo pipefail
pebble=$(realpath "${1:?usage: tests/bench/run.sh PEBBLE_RELEASE_BINARY}")
here=$(cd "$(dirname "$0")" && pwd)

echo "== read commands (feeds list, items, bookmarks list)"
"$here/read_commands_bench.sh" "$pebble"

echo "== /metrics scrape latency"
"$here/scrape_latency.sh" "$pebble"

echo "== feed parsing"
parse_bench="${PEBBLE_PARSE_BENCH:-$(dirname "$pebble")/tests/bench/pebble_feed_parse_bench}"
if [ -x "$parse_bench" ]; then
  "$here/parse_bench.sh" "$parse_bench"
else
  echo "parse benchmark skipped: build with -DPEBBLE_BUILD_BENCH=ON ($parse_bench not found)" >&2
fi

echo "== polling 1000 feeds"
"$here/poll_bench.sh" "$pebble"

echo "== unfurling 1000 pages"
"$here/unfurl_bench.sh" "$pebble"

echo "== import and export"
bash "$here/import_export_bench.sh" "$pebble"
