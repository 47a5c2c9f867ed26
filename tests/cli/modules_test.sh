#!/usr/bin/env bash
# libpq, libcurl and libmicrohttpd (with GnuTLS) are modules loaded only by the commands that use
# them (support/module_loader.h): the binary itself does not link them, so a command that needs
# none of them never loads them, and a missing module is one clear error line, only where needed.
source "$(dirname "$0")/lib.sh"
require_command readelf
build_dir=$(dirname "$PEBBLE_BIN")

needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }

binary_needs=$(needed "$PEBBLE_BIN")
for library in libpq libcurl libmicrohttpd libgnutls libcrypto libssl; do
  grep -q "^$library\." <<<"$binary_needs" && fail "pebble links $library directly: $(tr '\n' ' ' <<<"$binary_needs")"
done
for pair in postgres:libpq curl:libcurl httpd:libmicrohttpd; do
  module="$build_dir/pebble-${pair%%:*}.so"
  [ -f "$module" ] || { fail "$module was not built"; continue; }
  needed "$module" | grep -q "^${pair#*:}\." || fail "$module does not link ${pair#*:}"
done

# A command that needs no module starts without loading one: the process maps none of them.
run --database "sqlite:$work/store.db" test-metrics --help
expect_status 0 "test-metrics --help"
maps=$(LD_DEBUG=files "$PEBBLE_BIN" --version 2>&1 >/dev/null || true)
for library in libpq libcurl libmicrohttpd pebble-; do
  grep -q "file=.*$library" <<<"$maps" && fail "--version loads $library"
done

# The binary alone, without its modules: SQLite commands work, a PostgreSQL URL fails in one line
# that names the missing module, and nothing else is touched.
mkdir -p "$work/alone"
cp "$PEBBLE_BIN" "$work/alone/pebble"
PEBBLE_BIN="$work/alone/pebble" run --database "sqlite:$work/alone.db" test-metrics --help
expect_status 0 "the binary alone runs --help"
PEBBLE_BIN="$work/alone/pebble" run --database "sqlite:$work/alone.db" import "$PEBBLE_SOURCE_DIR/tests/data/bookmarks/fixture.html"
expect_status 0 "the binary alone imports into SQLite (stderr: $err)"
PEBBLE_BIN="$work/alone/pebble" run --database "postgresql://pebble:S3cret@127.0.0.1:1/x" metrics-show
expect_status 1 "the binary alone with a PostgreSQL store"
expect_lines "$err" 1 "one error line for the missing module"
expect_contains "$err" "pebble metrics-show: the postgres module pebble-postgres.so is not installed" "the error names the module"
[[ "$err" == *S3cret* ]] && fail "the error leaks the password: $err"

finish
