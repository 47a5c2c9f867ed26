#!/usr/bin/env bash
# Configures and builds the libFuzzer targets of tests/fuzz with clang (ASan+UBSan, -Werror) in
# their own build folder; shared by `make fuzz` (scripts/run-fuzz.sh) and `make test`.
# Usage: scripts/build-fuzz.sh BUILD_DIR
set -euo pipefail
build_dir=${1:?usage: scripts/build-fuzz.sh BUILD_DIR}
cd "$(dirname "$0")/.."
# CXX only matters on the first configure; a cache made by another compiler is a user's choice.
CC=${FUZZ_CC:-clang} CXX=${FUZZ_CXX:-clang++} cmake -S . -B "$build_dir" -DPEBBLE_FUZZ=ON \
  -DPEBBLE_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPEBBLE_WERROR=ON >/dev/null
cmake --build "$build_dir" -j"$(nproc 2>/dev/null || echo 2)" --target pebble_fuzz_targets
