#!/usr/bin/env bash
# Runs clang-tidy-14 (.clang-tidy's checks) over every .cpp of src/ and commands/ with the compile
# commands of BUILD_DIR, two files at a time, and fails when any file has a finding.
# Usage: scripts/run-clang-tidy.sh BUILD_DIR   (a configured build: CMAKE_EXPORT_COMPILE_COMMANDS is on)
set -euo pipefail
build_dir=${1:?usage: scripts/run-clang-tidy.sh BUILD_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=$(cd "$build_dir" && pwd)
cd "$root"
[ -f "$build_dir/compile_commands.json" ] || {
  echo "run-clang-tidy: no $build_dir/compile_commands.json; configure the build first" >&2
  exit 2
}
tidy=${CLANG_TIDY:-clang-tidy-14}
jobs=${CLANG_TIDY_JOBS:-2}
# --warnings-as-errors makes each finding fail its file; xargs then exits non-zero (123) when any
# file failed. Only findings are printed: --quiet drops the "N warnings generated" counts of the
# system headers the checks never look at.
# Stopped (run-tests.sh on an early exit), xargs stops starting files; those running finish.
git ls-files --cached --others --exclude-standard 'src/*.cpp' 'commands/*.cpp' |
  xargs -P "$jobs" -n 1 "$tidy" -p "$build_dir" --quiet --warnings-as-errors='*' 2>/dev/null &
xargs_pid=$!
trap 'kill "$xargs_pid" 2>/dev/null' TERM INT
wait "$xargs_pid" && status=0 || status=$?
if [ "$status" -ne 0 ]; then
  echo "run-clang-tidy: findings above (checks in .clang-tidy); fix them in the source" >&2
  exit 1
fi
