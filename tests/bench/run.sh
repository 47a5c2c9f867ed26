#!/usr/bin/env bash
# `make bench`: every benchmark script of tests/bench against the release binary given as $1.
set -euo pipefail
PEBBLE=${1:?usage: tests/bench/run.sh PATH-TO-RELEASE-PEBBLE}
here=$(cd "$(dirname "$0")" && pwd)
bash "$here/import_export_bench.sh" "$PEBBLE"
