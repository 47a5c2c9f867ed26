#!/usr/bin/env bash
# Runs every benchmark against one pebble binary (`make bench`). Benchmarks print numbers; they are
# not tests and do not fail on slowness.
# Usage: tests/bench/run.sh PEBBLE_BINARY
set -euo pipefail
pebble=${1:?usage: tests/bench/run.sh PEBBLE_BINARY}
here=$(cd "$(dirname "$0")" && pwd)

echo "== /metrics scrape latency"
"$here/scrape_latency.sh" "$pebble"
