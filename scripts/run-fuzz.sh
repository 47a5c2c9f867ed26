#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang in their own build folder and runs each for
# a fixed time; fails when any target reports a finding (crash, sanitizer report, uncaught
# exception, hang beyond 10 s, more than 2 GiB). Crash inputs stay in <build>/fuzz-findings/<target>/.
# Usage: scripts/run-fuzz.sh [build-dir] [seconds-per-target]
set -euo pipefail
build_dir=${1:-build-fuzz}
seconds=${2:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# CXX only matters on the first configure; a cache made by another compiler is a user's choice.
CC=${FUZZ_CC:-clang} CXX=${FUZZ_CXX:-clang++} cmake -S . -B "$build_dir" -DPEBBLE_FUZZ=ON \
  -DPEBBLE_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPEBBLE_WERROR=ON >/dev/null
cmake --build "$build_dir" -j"$(nproc 2>/dev/null || echo 2)" --target pebble_fuzz_targets

# Seeds are the test files themselves (libFuzzer reads folders recursively); new inputs go to a
# temporary folder, the first one on the command line, so the tree is never written to.
seeds_for() {
  local data=tests/data
  case "$1" in
    feed_xml | feed_json) echo "$data/feeds" ;;
    netscape | activitystreams | opml | pinboard | detect_format) echo "$data/formats" ;;
    url | dates) ;;
  esac
  [ -d "$data/fuzz-regressions/$1" ] && echo "$data/fuzz-regressions/$1"
  return 0
}

corpus_root=$(mktemp -d /tmp/pebble-fuzz.XXXXXX)
trap 'rm -rf "$corpus_root"' EXIT
status=0
summary=()
for target in feed_xml feed_json netscape activitystreams opml pinboard detect_format url dates; do
  findings="$build_dir/fuzz-findings/$target"
  mkdir -p "$corpus_root/$target" "$findings"
  dict=()
  [ -f "tests/fuzz/$target.dict" ] && dict=("-dict=tests/fuzz/$target.dict")
  mapfile -t seeds < <(seeds_for "$target")
  log="$build_dir/fuzz-findings/$target.log"
  echo "run-fuzz: $target for ${seconds}s" >&2
  result=ok
  if ! "$build_dir/tests/fuzz/${target}_fuzz" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$findings/" "${dict[@]}" \
    "$corpus_root/$target" "${seeds[@]}" >"$log" 2>&1; then
    result="FINDING (see $log)"
    status=1
    tail -n 40 "$log" >&2
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  took=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  summary+=("$(printf '%-16s %10s runs %8s exec/s  %s' "$target" "${runs:-?}" "${took:-?}" "$result")")
done
printf '%s\n' "${summary[@]}" >&2
exit "$status"
