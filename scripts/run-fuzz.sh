#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang in their own build folder and runs the fuzz
# tier through CTest: each target for FUZZ_SECONDS (scripts/fuzz-target.sh); fails on any finding.
# Usage: scripts/run-fuzz.sh [build-dir] [seconds-per-target]
set -euo pipefail
build_dir=${1:-build-fuzz}
export FUZZ_SECONDS=${2:-${FUZZ_SECONDS:-30}}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

scripts/build-fuzz.sh "$build_dir"
(cd "$build_dir" && ctest -L fuzz --output-on-failure -j"$(nproc 2>/dev/null || echo 2)" \
  --timeout $((FUZZ_SECONDS + 120)))
