#!/usr/bin/env bash
# Builds with ASan+UBSan and -Werror, starts the test services, runs every CTest tier, stops the
# services, runs clang-tidy over src/ and commands/ (scripts/run-clang-tidy.sh), runs the fuzz tier (a clang build of the libFuzzer targets, each fuzzed for FUZZ_SECONDS,
# default 30, under ASan+UBSan), and fails when anything failed — or, in CI (CI=true), was skipped.
set -euo pipefail
build_dir=${1:-build-test}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# Debian's tools first: a pyenv or other shim ahead of /usr/bin is slower to start and lacks the
# Debian Python modules some tests use.
export PATH="/usr/sbin:/usr/bin:/sbin:/bin:$PATH"

cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Debug -DPEBBLE_SANITIZE=ON -DPEBBLE_WERROR=ON >/dev/null
cmake --build "$build_dir" -j"$(nproc 2>/dev/null || echo 2)"
# The fuzz targets need clang; built before the services start so no test competes with the compiler.
fuzz_dir="$build_dir-fuzz"
scripts/build-fuzz.sh "$fuzz_dir"

make --no-print-directory format-check

# clang-tidy needs ~8 CPU-minutes (it parses every .cpp again), ~4 minutes of wall time on 2 idle
# cores. It runs niced in the background instead, on the cores the CLI and integration tests
# leave idle while they wait for services and subprocesses, and is waited for at the end.
services_dir=$(mktemp -d /tmp/pebble-services.XXXXXX)
tidy_pid=
cleanup() {
  [ -z "$tidy_pid" ] || kill "$tidy_pid" 2>/dev/null || true
  scripts/test-services.sh stop "$services_dir" || true
  rm -rf "$services_dir"
}
trap cleanup EXIT
tidy_log="$build_dir/clang-tidy.log"
nice -n 10 scripts/run-clang-tidy.sh "$build_dir" >"$tidy_log" 2>&1 &
tidy_pid=$!
scripts/test-services.sh start "$services_dir"
# shellcheck disable=SC1091
source "$services_dir/env"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

log="$build_dir/ctest.log"
status=0
(cd "$build_dir" && ctest --output-on-failure --timeout 600 -j2) 2>&1 | tee "$log" || status=$?
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
(cd "$fuzz_dir" && ctest -L fuzz --output-on-failure -j2 --timeout 300) 2>&1 | tee -a "$log" || status=1

if ! wait "$tidy_pid"; then
  cat "$tidy_log" >&2
  status=1
fi
tidy_pid=

if [ "${CI:-}" = "true" ] && grep -qE '\*\*\*Skipped|Not Run' "$log"; then
  echo "run-tests: tests were skipped in CI; every tier must run" >&2
  status=1
fi
exit "$status"
