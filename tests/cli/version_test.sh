#!/usr/bin/env bash
# `pebble --version` names pebble, its revision and the linked libraries, and opens no store.
source "$(dirname "$0")/lib.sh"

run --version
expect_status 0 "--version"
expect_contains "$out" "pebble 0." "--version names pebble"
expect_contains "$out" "(revision " "--version names the git revision"
[[ "$out" =~ SQLite\ 3\.[0-9]+ ]] || fail "--version names SQLite: $out"
[[ "$out" =~ libpq\ [0-9]+\.[0-9]+ ]] || fail "--version names libpq: $out"
[[ "$out" =~ libcurl\ [0-9]+\.[0-9]+ ]] || fail "--version names libcurl: $out"
expect_equals "$err" "" "--version prints nothing on stderr"

run --database postgresql://bad-host/x --version
expect_status 0 "--version with an unreachable database"
expect_contains "$out" "pebble 0." "--version with an unreachable database still prints"
[ ! -e "$XDG_DATA_HOME/pebble" ] || fail "--version must not create the default store"

finish
