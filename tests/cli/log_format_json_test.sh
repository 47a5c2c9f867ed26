#!/usr/bin/env bash
# --log-format json: every stderr line is one JSON object whose facts are fields (feed_url, status,
# http_status, error, the summary's counts) rather than prose in msg; fatal errors are records too;
# -q drops the summaries, so a cron job that succeeds mails nothing.
source "$(dirname "$0")/lib.sh"
db="sqlite:$work/store.db"
port=$(free_port)  # nothing listens there: the poll fails with a connection error

run --database "$db" --log-format json poll-feeds "http://127.0.0.1:$port/feed.xml"
expect_status 0 "a run whose feed failed"
printf '%s\n' "$err" | python3 -c '
import json, sys
lines = [json.loads(line) for line in sys.stdin if line.strip()]
by_msg = {line["msg"]: line for line in lines}
failed, summary, subscribed = by_msg["poll failed"], by_msg["poll finished"], by_msg["subscribed"]
assert failed["level"] == "warning" and failed["command"] == "poll-feeds", failed
assert failed["feed_url"].endswith("/feed.xml") and failed["status"] == "error", failed
assert failed["reason"] == "connect" and failed["error"], failed
assert summary["polled"] == 1 and summary["failed"] == 1 and summary["ok"] == 0, summary
assert subscribed["feed_url"] == failed["feed_url"], subscribed
' || fail "poll-feeds JSON records: $err"

printf '<DL><DT><A HREF="https://example.com/a">a</A></DL>' >"$work/one.html"
run --database "$db" --log-format json import --format netscape "$work/one.html"
expect_status 0 "import"
printf '%s' "$err" | python3 -c '
import json, sys
record = json.loads(sys.stdin.read())
assert record["msg"] == "import finished" and record["created"] == 1 and record["job_id"] >= 1, record
' || fail "the import summary is one JSON record: $err"

run --database "$db" --log-format json export -o "$work/out.html"
printf '%s' "$err" | python3 -c '
import json, sys
record = json.loads(sys.stdin.read())
assert record["msg"] == "export finished" and record["items"] == 1, record
' || fail "the export summary is one JSON record: $err"

# A fatal error: one record with the exit code, also for errors found before the config is read.
run --database "sqlite:$work/missing.db" --log-format json metrics-show
expect_status 1 "a missing store"
printf '%s' "$err" | python3 -c '
import json, sys
record = json.loads(sys.stdin.read())
assert record["level"] == "error" and record["exit_code"] == 1 and "does not exist" in record["msg"], record
' || fail "a fatal error is a JSON record: $err"
PEBBLE_LOG_FORMAT=json run --database "$db" --user "$(printf 'bad\xff')" export
expect_status 2 "an invalid --user"
printf '%s' "$err" | python3 -c 'import json, sys; assert json.loads(sys.stdin.read())["exit_code"] == 2' ||
  fail "a usage error is a JSON record: $err"

# -q: no summary in either format; text mode keeps the prose summary without it.
run --database "$db" -q import --format netscape "$work/one.html"
expect_status 0 "import -q"
expect_equals "$err" "" "import -q prints nothing"
run --database "$db" -q --log-format json export -o "$work/out.html"
expect_equals "$err" "" "export -q prints nothing"
run --database "$db" import --format netscape "$work/one.html"
expect_contains "$err" "import job 3 completed" "the text summary without -q"
finish
