#!/usr/bin/env bash
# Secrets in every output: a password and a token are planted everywhere they can go (database URLs
# libpq cannot parse, echoed whole or by token; a password with '/'; ?password=; a libpq keyword
# string; a feed URL with user:token@, logged on "subscribed to"; a Pushgateway URL with
# credentials), in text and JSON logs, at debug level, on stdout and stderr, for batch commands and
# serve. Before, `invalid percent-encoded token: "S3cr3tPW%zz"` and the whole `…@[::1/db` URL were
# printed, and feed URLs were logged in clear.
source "$(dirname "$0")/lib.sh"
password=S3cr3tPW
token=T0kenSecret
start_feed_server
export PEBBLE_DENY_PRIVATE_NETWORKS=false
closed_port=$(free_port)
all_output="$work/all-output"
: >"$all_output"

# leak_check LABEL ARGS...: runs pebble in text and JSON log formats at debug level, keeps every
# output (both runs' also in $outputs), and fails when a secret shows.
leak_check() {
  local label=$1 format
  shift
  outputs=""
  for format in text json; do
    run --log-level debug --log-format "$format" "$@"
    printf '%s\n%s\n' "$out" "$err" >>"$all_output"
    outputs+="$out"$'\n'"$err"$'\n'
    [[ "$out$err" != *"$password"* && "$out$err" != *"$token"* && "$out$err" != *"S3cr3t"* ]] ||
      fail "$label ($format logs) shows a secret: $out $err"
  done
}

# --- database URLs ---
leak_check "an invalid percent-encoding in the password" --database "postgresql://u:$password%zz@127.0.0.1:$closed_port/db" metrics-show
expect_status 1 "unparsable database URL"
expect_contains "$err" "postgresql://u:***@127.0.0.1:$closed_port/db" "the URL is shown redacted"
leak_check "an unterminated IPv6 host" --database "postgresql://u:$password@[::1/db" metrics-show
expect_contains "$err" "postgresql://u:***@[::1/db" "the unparsable URL is shown redacted"
leak_check "a password with a slash" --database "postgresql://u:a/$password@127.0.0.1:$closed_port/db" export
leak_check "a password as a query parameter" --database "postgresql://127.0.0.1:$closed_port/db?user=u&password=$password" poll-feeds
expect_contains "$err" "password=***" "the parameter is shown redacted"
leak_check "a keyword string" --database "host=127.0.0.1 password=$password" metrics-show

# --- a feed URL with credentials, on every line that names the feed ---
database="sqlite:$work/pebble.db"
leak_check "a feed URL with user:token@" --database "$database" poll-feeds --json "http://reader:$token@${base#http://}/feed/a"
expect_status 0 "poll-feeds of a feed with credentials"
expect_contains "$outputs" "subscribed feed_url=http://reader:***@${base#http://}/feed/a" "the subscription is logged redacted"
expect_contains "$outputs" "\"url\":\"http://reader:***@${base#http://}/feed/a\"" "the JSON report is redacted"
leak_check "a failing feed URL with a bare token" --database "$database" poll-feeds "http://$token@127.0.0.1:$closed_port/feed"
expect_contains "$err" "http://***@127.0.0.1:$closed_port/feed" "the failure names the feed redacted"

# --- a Pushgateway URL with credentials ---
leak_check "a Pushgateway with credentials" --database "$database" --pushgateway "http://push:$token@127.0.0.1:$closed_port" test-metrics
expect_contains "$err" "http://push:***@127.0.0.1:$closed_port" "the push failure names the gateway redacted"

# --- serve: a store it cannot reach, its warnings on every scrape ---
for format in text json; do
  start_serve "postgresql://u:$password@127.0.0.1:$closed_port/db" --log-format "$format" --log-level debug
  curl -s "$serve_url/metrics" >>"$all_output" || true
  curl -s "$serve_url/readyz" >>"$all_output" || true
  stop_process "$serve_pid"
  cat "$serve_log" >>"$all_output"
  expect_contains "$(cat "$serve_log")" "postgresql://u:***@127.0.0.1:$closed_port/db" "serve ($format) names the store redacted"
done

grep -c . "$all_output" >/dev/null || fail "no output was collected"
if grep -n -e "$password" -e "$token" -e S3cr3t "$all_output"; then fail "a secret is in the output above"; fi
finish
