#!/usr/bin/env bash
# Two hosts with SQLite stores of their own pushed to one Pushgateway group (job/pebble/command/X)
# and overwrote each other: --push-grouping KEY=VALUE (or PEBBLE_PUSH_GROUPING) adds labels to the
# grouping key, so each host keeps a group of its own. Checked against a real Pushgateway.
source "$(dirname "$0")/lib.sh"
require_command python3
start_pushgateway

# pushed GROUP METRIC [LABEL=VALUE...]: the sum of one metric's pushed samples in one group.
pushed() {
  curl -sf "$pushgateway_url/api/v1/metrics" | python3 "$PEBBLE_SOURCE_DIR/tests/cli/pushgateway_sum.py" "$@"
}
# netscape_file FILE N: a Netscape bookmark file with N bookmarks.
netscape_file() {
  {
    echo '<!DOCTYPE NETSCAPE-Bookmark-file-1><DL><p>'
    for i in $(seq "$2"); do echo "<DT><A HREF=\"https://example.com/$i\">bookmark $i</A>"; done
    echo '</DL><p>'
  } >"$1"
}
netscape_file "$work/two.html" 2
netscape_file "$work/three.html" 3

# --- host a and host b, each with its own SQLite store, both push the import group ---
run --database "sqlite:$work/a.db" --pushgateway "$pushgateway_url" --push-grouping instance=host-a \
  import "$work/two.html"
expect_status 0 "host a: import with --push-grouping instance=host-a"
[[ "$err" != *warn* ]] || fail "host a: the push warns: $err"
PEBBLE_PUSH_GROUPING=instance=host-b,site=lab run --database "sqlite:$work/b.db" --pushgateway "$pushgateway_url" \
  import "$work/three.html"
expect_status 0 "host b: import with PEBBLE_PUSH_GROUPING=instance=host-b,site=lab"
expect_equals "$(pushed job=pebble,command=import,instance=host-a import_items_processed_total status=created)" 2 \
  "host a's group survives host b's push, with host a's count"
expect_equals "$(pushed job=pebble,command=import,instance=host-b,site=lab import_items_processed_total status=created)" 3 \
  "host b's group holds host b's count, both grouping labels from the variable"
expect_equals "$(pushed job=pebble,command=import pebble_job_last_run_success)" absent \
  "no ungrouped group was pushed"

# A second run of host a replaces only host a's group, with its cumulative value.
run --database "sqlite:$work/a.db" --pushgateway "$pushgateway_url" --push-grouping instance=host-a \
  import --duplicates overwrite "$work/two.html"
expect_status 0 "host a: second import"
expect_equals "$(pushed job=pebble,command=import,instance=host-a import_items_processed_total)" 4 \
  "host a's group now carries both runs (2 created + 2 updated)"
expect_equals "$(pushed job=pebble,command=import,instance=host-b,site=lab import_items_processed_total)" 3 \
  "host b's group is untouched"

# A flag replaces the variable; a value with '/' and non-ASCII travels (the @base64 form).
PEBBLE_PUSH_GROUPING=instance=ignored run --database "sqlite:$work/c.db" --pushgateway "$pushgateway_url" \
  --push-grouping "instance=rack/7" --push-grouping "site=Zürich" import "$work/two.html"
expect_status 0 "host c: grouping value with '/' and UTF-8"
expect_equals "$(pushed "job=pebble,command=import,instance=rack/7,site=Zürich" import_items_processed_total)" 2 \
  "host c's group keeps the '/' and the UTF-8 value"
expect_equals "$(pushed job=pebble,command=import,instance=ignored import_items_processed_total)" absent \
  "--push-grouping replaces PEBBLE_PUSH_GROUPING"

# --- bad values: a usage error naming the flag or variable, one line, exit 2, nothing pushed ---
check_usage() {  # check_usage EXPECTED_LINE ARGS...
  local expected=$1
  shift
  run --database "sqlite:$work/bad.db" --pushgateway "$pushgateway_url" "$@" import "$work/two.html"
  expect_status 2 "$*"
  expect_equals "$err" "$expected" "$*: the message"
}
check_usage "pebble import: --push-grouping: invalid value 'instance' (expected KEY=VALUE, e.g. instance=web1)" \
  --push-grouping instance
check_usage "pebble import: --push-grouping: invalid value 'instance=' (expected KEY=VALUE with a non-empty VALUE)" \
  --push-grouping instance=
check_usage "pebble import: --push-grouping: invalid value '9lives=x' (expected KEY=VALUE with KEY a label name [a-zA-Z_][a-zA-Z0-9_]*)" \
  --push-grouping 9lives=x
check_usage "pebble import: --push-grouping: the label 'job' is reserved (pebble sets job and command; __ names belong to Prometheus)" \
  --push-grouping job=other
check_usage "pebble import: --push-grouping: the label 'command' is reserved (pebble sets job and command; __ names belong to Prometheus)" \
  --push-grouping command=other
check_usage "pebble import: --push-grouping: the value of label 'instance' is not valid UTF-8" \
  --push-grouping $'instance=\xff'
check_usage "pebble import: --push-grouping: the label 'instance' is given twice" \
  --push-grouping instance=a --push-grouping instance=b
PEBBLE_PUSH_GROUPING=instance=a,bad check_usage \
  "pebble import: PEBBLE_PUSH_GROUPING: invalid value 'bad' (expected KEY=VALUE, e.g. instance=web1)"
[ ! -e "$work/bad.db" ] || fail "a usage error must not create the store"

finish
