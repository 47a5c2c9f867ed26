#!/usr/bin/env bash
# `cmake --install` of the build that made $PEBBLE_BIN puts the binary, every man page, the three
# shell completions and the contrib examples where Debian expects them under the prefix; every
# installed man page renders with `man -l` without a warning; the installed binary runs.
source "$(dirname "$0")/lib.sh"
build_dir=$(cd "$(dirname "$PEBBLE_BIN")" && pwd)
[ -f "$build_dir/cmake_install.cmake" ] || { fail "$build_dir is not a CMake build folder"; finish; }
prefix="$work/prefix"

if ! install_log=$(cmake --install "$build_dir" --prefix "$prefix" 2>&1); then
  fail "cmake --install failed: $install_log"
  finish
fi

# The binary, and that it runs from there.
[ -x "$prefix/bin/pebble" ] || fail "bin/pebble is not installed"
version=$("$prefix/bin/pebble" --version 2>&1) || fail "installed pebble --version failed: $version"
expect_contains "$version" "pebble 0." "installed pebble --version"

# Every man page, identical to its source and rendered by man-db without a warning.
pages=0
for source_page in "$PEBBLE_SOURCE_DIR"/man/*.1; do
  page="$prefix/share/man/man1/$(basename "$source_page")"
  pages=$((pages + 1))
  cmp -s "$source_page" "$page" || { fail "$(basename "$source_page") is not installed in share/man/man1"; continue; }
  if command -v man >/dev/null; then
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$page" 2>&1 >/dev/null) || fail "man -l $page failed: $warnings"
    [ -z "$warnings" ] || fail "man -l $(basename "$page") warns: $warnings"
  fi
done
[ "$pages" -ge 1 ] || fail "no man pages in man/"
installed_pages=$(find "$prefix/share/man/man1" -name '*.1' | wc -l)
[ "$installed_pages" -eq "$pages" ] || fail "$installed_pages man pages installed, $pages in man/"
if ! command -v man >/dev/null; then
  echo "man (man-db) is not installed: skipped rendering the pages" >&2
  [ "${CI:-}" = "true" ] && fail "man-db is required in CI"
fi

# The completions, under the names and in the folders each shell's Debian package searches.
cmp -s "$PEBBLE_SOURCE_DIR/completions/pebble.bash" "$prefix/share/bash-completion/completions/pebble" ||
  fail "bash completion is not installed as share/bash-completion/completions/pebble"
cmp -s "$PEBBLE_SOURCE_DIR/completions/_pebble" "$prefix/share/zsh/vendor-completions/_pebble" ||
  fail "zsh completion is not installed as share/zsh/vendor-completions/_pebble"
cmp -s "$PEBBLE_SOURCE_DIR/completions/pebble.fish" "$prefix/share/fish/vendor_completions.d/pebble.fish" ||
  fail "fish completion is not installed as share/fish/vendor_completions.d/pebble.fish"

# The contrib examples, as documentation.
for example in systemd/pebble-serve.service systemd/pebble-poll-feeds.service systemd/pebble-poll-feeds.timer \
    systemd/pebble.default cron/pebble.cron prometheus/prometheus.yml prometheus/pebble.rules.yml \
    grafana/pebble-dashboard.json; do
  cmp -s "$PEBBLE_SOURCE_DIR/contrib/$example" "$prefix/share/doc/pebble/examples/$example" ||
    fail "contrib/$example is not installed in share/doc/pebble/examples"
done

# The modules, where the installed binary looks for them: it loads each, and each then fails on
# what it was asked (no server on port 1), not on being missing.
for module in postgres curl httpd; do
  [ -n "$(find "$prefix/lib" -path "*/pebble/pebble-$module.so")" ] || fail "pebble-$module.so is not installed"
done
PEBBLE_BIN="$prefix/bin/pebble" run --database "postgresql://pebble@127.0.0.1:1/x" metrics-show
expect_status 1 "installed pebble with a PostgreSQL URL"
[[ "$err" == *"module"* ]] && fail "installed pebble does not find its postgres module: $err"
PEBBLE_BIN="$prefix/bin/pebble" run --database "sqlite:$work/store.db" metrics-show --url http://127.0.0.1:1/metrics
expect_status 1 "installed pebble scraping a closed port"
[[ "$err" == *"module"* ]] && fail "installed pebble does not find its curl module: $err"
PEBBLE_BIN="$prefix/bin/pebble" run --database "sqlite:$work/store.db" test-metrics
expect_status 0 "installed pebble runs test-metrics, which serves a feed (httpd) and polls it (curl)"

# Nothing else: no test binaries, no headers, no static library.
unexpected=$(cd "$prefix" && find . -type f | grep -vE '^\./(bin/pebble|lib/([a-z0-9_-]+/)?pebble/pebble-(postgres|curl|httpd)\.so|share/man/man1/[^/]+\.1|share/bash-completion/completions/pebble|share/zsh/vendor-completions/_pebble|share/fish/vendor_completions\.d/pebble\.fish|share/doc/pebble/examples/.+)$' || true)
[ -z "$unexpected" ] || fail "unexpected files installed: $unexpected"

finish
