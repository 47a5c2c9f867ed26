#!/usr/bin/env bash
# Runs one libFuzzer target of tests/fuzz for FUZZ_SECONDS (default 30) and fails on any finding
# (crash, sanitizer report, uncaught exception, hang beyond 10 s, more than 2 GiB). It is the CTest
# command of the fuzz tier, so `make fuzz` and `make test` run targets the same way.
# Usage: scripts/fuzz-target.sh TARGET FUZZ_BUILD_DIR
# Crash inputs stay in FUZZ_BUILD_DIR/fuzz-findings/TARGET/; the log beside them.
set -euo pipefail
target=$1
build_dir=$(cd "$2" && pwd)
seconds=${FUZZ_SECONDS:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# Seeds are the test files themselves (libFuzzer reads folders recursively) and every saved finding.
data=tests/data
seeds=()
case "$target" in
  feed_xml | feed_json) seeds+=("$data/feeds") ;;
  html_sanitize) seeds+=("$data/html") ;;
  page_metadata) seeds+=("$data/pages" "$data/html") ;;
  netscape | activitystreams | opml | pinboard | detect_format) seeds+=("$data/formats") ;;
esac
[ -d "$data/fuzz-regressions/$target" ] && seeds+=("$data/fuzz-regressions/$target")
dict=()
[ -f "tests/fuzz/$target.dict" ] && dict=("-dict=tests/fuzz/$target.dict")

findings="$build_dir/fuzz-findings/$target"
log="$build_dir/fuzz-findings/$target.log"
mkdir -p "$findings"
# New inputs go to a temporary folder, the first one on the command line, so the tree is never written.
corpus=$(mktemp -d /tmp/pebble-fuzz-"$target".XXXXXX)
trap 'rm -rf "$corpus"' EXIT

status=0
"$build_dir/tests/fuzz/${target}_fuzz" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$findings/" "${dict[@]}" "$corpus" "${seeds[@]}" \
  >"$log" 2>&1 || status=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
if [ "$status" -ne 0 ]; then
  tail -n 40 "$log"
  echo "fuzz-target: $target FINDING after ${runs:-?} runs; input in $findings/, log $log" >&2
  echo "fuzz-target: keep the input in tests/data/fuzz-regressions/$target/ once fixed" >&2
  exit 1
fi
printf 'fuzz-target: %-16s %10s runs %8s exec/s in %ss, no finding\n' "$target" "${runs:-?}" "${rate:-?}" "$seconds"
