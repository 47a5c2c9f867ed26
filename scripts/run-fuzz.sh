#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang in their own build folder and runs the fuzz
# tier through CTest: each target for FUZZ_SECONDS (scripts/fuzz-target.sh); fails on any finding.
# Usage: scripts/run-fuzz.sh [build-dir] [seconds-per-target]
set -euo pipefail
build_dir=${1:-build-fuzz}
export FUZZ_SECONDS=${2:-${FUZZ_SECONDS:-30}}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# CXX only matters on the first configure; a cache made by another compiler is a user's choice.
CC=${FUZZ_CC:-clang} CXX=${FUZZ_CXX:-clang++} cmake -S . -B "$build_dir" -DPEBBLE_FUZZ=ON \
  -DPEBBLE_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPEBBLE_WERROR=ON >/dev/null
cmake --build "$build_dir" -j"$(nproc 2>/dev/null || echo 2)" --target pebble_fuzz_targets
(cd "$build_dir" && ctest -L fuzz --output-on-failure -j"$(nproc 2>/dev/null || echo 2)" \
  --timeout $((FUZZ_SECONDS + 120)))
