#!/usr/bin/env bash
# Usage errors exit 2 with one line naming the flag or variable (SPEC §1.2, §1.3).
source "$(dirname "$0")/lib.sh"

run --log-level nonsense --help
expect_status 2 "--log-level nonsense --help"
expect_contains "$err" "--log-level" "the error names --log-level"
expect_lines "$err" 1 "a usage error is one line"
expect_equals "$out" "" "a usage error prints nothing on stdout"

run --log-format xml --version
expect_status 2 "--log-format xml"
expect_equals "$err" "pebble: --log-format: invalid value 'xml' (expected text or json)" "--log-format message"

run --database mysql://h/db --help
expect_status 2 "unknown database scheme"
expect_contains "$err" "--database: unknown database scheme 'mysql'" "scheme error names --database"

run --pushgateway ftp://h --help
expect_status 2 "bad pushgateway URL"
expect_contains "$err" "--pushgateway" "pushgateway error names the flag"

run --no-such-flag
expect_status 2 "unknown flag"
expect_lines "$err" 1 "an unknown flag is one line"
expect_contains "$err" "--no-such-flag" "the unknown flag is named"

run no-such-command
expect_status 2 "unknown subcommand"
expect_contains "$err" "no-such-command" "the unknown subcommand is named"

run
expect_status 2 "no subcommand"

run --help
expect_status 0 "--help"
expect_contains "$out" "--database URL" "--help lists --database"

finish
