#!/usr/bin/env bash
# Benchmarks (`make bench`): tests/bench/run.sh PEBBLE_RELEASE_BINARY. Not CTest tests. The parse
# benchmark needs pebble_feed_parse_bench (cmake -DPEBBLE_BUILD_BENCH=ON), looked for next to the binary.
set -euo pipefail
pebble=$(realpath "${1:?usage: tests/bench/run.sh PEBBLE_RELEASE_BINARY}")
here=$(cd "$(dirname "$0")" && pwd)
parse_bench="${PEBBLE_PARSE_BENCH:-$(dirname "$pebble")/tests/bench/pebble_feed_parse_bench}"
if [ -x "$parse_bench" ]; then
  "$here/parse_bench.sh" "$parse_bench"
else
  echo "parse benchmark skipped: build with -DPEBBLE_BUILD_BENCH=ON ($parse_bench not found)" >&2
fi
"$here/poll_bench.sh" "$pebble"
